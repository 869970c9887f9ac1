using LtiCurriculum.Web.Learn;
using static LtiCurriculum.Web.Tests.Support.PageTextChecks;

namespace LtiCurriculum.Web.Tests.Learn;

/// <summary>The learner pages' words in Spanish and Simplified Chinese: complete, translated, same placeholders; picked from the launch locale.</summary>
public sealed class LearnTextTests
{
    public static TheoryData<string> Languages => ["es", "zh-Hans"];

    private static LearnText Of(string language) => language == "es" ? LearnText.Spanish : LearnText.Chinese;

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_phrase_is_there(string language)
    {
        NoneEmpty(Of(language), language);
        Assert.Equal(language, Of(language).Lang);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Phrases_are_translated(string language) => MostlyTranslated(LearnText.English, Of(language), language);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Placeholders_match_the_english(string language)
    {
        SamePlaceholders(LearnText.English, Of(language), language);
        Formattable(Of(language), language);
    }

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-Hans", "zh-Hans")]
    [InlineData("zh-TW", "en")]
    [InlineData("fr", "en")]
    public void Locale_picks_the_text(string locale, string expected) =>
        Assert.Same(expected switch { "es" => LearnText.Spanish, "zh-Hans" => LearnText.Chinese, _ => LearnText.English }, LearnText.For(locale));
}
