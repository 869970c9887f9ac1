using LtiCurriculum.Web.Teach;
using static LtiCurriculum.Web.Tests.Support.PageTextChecks;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>The instructor pages' words in Spanish and Simplified Chinese: complete, translated, same placeholders; picked from the launch locale.</summary>
public sealed class TeachTextTests
{
    public static TheoryData<string> Languages => ["es", "zh-Hans"];

    private static TeachText Of(string language) => language == "es" ? TeachText.Spanish : TeachText.Chinese;

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_phrase_is_there(string language)
    {
        NoneEmpty(Of(language), language);
        Assert.Equal(language, Of(language).Lang);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Phrases_are_translated(string language) => MostlyTranslated(TeachText.English, Of(language), language);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Placeholders_match_the_english(string language)
    {
        SamePlaceholders(TeachText.English, Of(language), language);
        Formattable(Of(language), language);
    }

    [Fact]
    public void English_phrases_format()
    {
        NoneEmpty(TeachText.English, "en");
        Formattable(TeachText.English, "en");
    }

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("es", "es")]
    [InlineData("es-419", "es")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-Hans", "zh-Hans")]
    [InlineData("zh-TW", "en")]
    [InlineData("fr", "en")]
    [InlineData("en-GB", "en")]
    [InlineData(null, "en")]
    public void Locale_picks_the_text(string? locale, string expected)
    {
        var text = TeachText.For(locale);
        Assert.Same(expected switch { "es" => TeachText.Spanish, "zh-Hans" => TeachText.Chinese, _ => TeachText.English }, text);
    }
}
