using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Format;

public sealed class TranslationSelectionTests
{
    [Fact]
    public void A_translation_file_is_attached_to_its_English_module()
    {
        using var packs = new TempPacks();
        var pack = ExamplePack.Load(packs);

        Assert.Equal(2, pack.Modules.Count);
        var intro = pack.Modules[0];
        Assert.Equal(["es"], intro.Translations.Keys);
        Assert.Equal("es", intro.Translations["es"].Language);
        Assert.Equal("ex-intro", intro.Translations["es"].Id);
        Assert.Empty(pack.Modules[1].Translations);
    }

    [Theory]
    [InlineData("es-MX")]
    [InlineData("es")]
    [InlineData("ES_es")]
    public void A_Spanish_locale_gets_the_Spanish_module(string locale)
    {
        using var packs = new TempPacks();
        var module = ExamplePack.Load(packs).Modules[0].For(locale);

        Assert.Equal("es", module.Language);
        Assert.Equal("Presentación del aula invertida", module.Title);
        Assert.Equal("<p>¿Cuál es la <strong>mejor</strong>?</p>", module.FindQuestion("ex-q-single")!.PromptHtml);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("zh-Hans-CN")]
    [InlineData("en-US")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_locales_fall_back_to_English(string? locale)
    {
        using var packs = new TempPacks();
        var localized = ExamplePack.Load(packs).Modules[0];

        Assert.Same(localized.English, localized.For(locale));
        Assert.Equal("en", localized.For(locale).Language);
    }

    [Fact]
    public void A_module_without_translation_is_English_for_every_locale()
    {
        using var packs = new TempPacks();
        var prework = ExamplePack.Load(packs).Modules[1];

        Assert.Same(prework.English, prework.For("es-MX"));
    }

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("pt_BR", "pt")]
    [InlineData(" FR ", "fr")]
    [InlineData("  ", null)]
    [InlineData("zh", "zh-Hans")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh_SG", "zh-Hans")]
    [InlineData("zh-Hans", "zh-Hans")]
    [InlineData("zh-Hans-CN", "zh-Hans")]
    [InlineData("zh-TW", null)]
    [InlineData("zh-Hant", null)]
    public void LanguageOf_takes_the_language_part_of_a_locale(string locale, string? expected) =>
        Assert.Equal(expected, LocalizedModule.LanguageOf(locale));
}
