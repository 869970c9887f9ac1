using System.Net;
using LtiCurriculum.Curriculum.Authoring;
using LtiCurriculum.DevPlatform;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests.Learn;

/// <summary>
/// A platform that sends any launch_presentation.locale (LTI Core 1.3 §5.4.4), the built-in packs, and an institution
/// pack with no translation (as <c>packs new</c> makes it).
/// </summary>
public sealed class LanguageChoiceFixture : IAsyncLifetime
{
    private readonly TempFolder _packs = new();

    internal FakePlatform Platform { get; private set; } = null!;

    internal ToolInstance Tool { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        PackScaffold.Write(_packs.Path, LanguageChoiceTests.EnglishOnlyPack);
        Platform = await FakePlatform.StartAsync("intl");
        Tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Configuration = new Dictionary<string, string?>([.. Platform.Configuration(0), new("Curriculum:PackFolder", _packs.Path)]),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Tool.DisposeAsync();
        await Platform.DisposeAsync();
        _packs.Dispose();
    }
}

/// <summary>
/// zh, zh-CN, zh-Hans and zh-SG read the Simplified Chinese translation, es-* the Spanish one; every other locale reads
/// English with one line naming the translations in their own names, and a button that switches the session to one.
/// </summary>
public sealed class LanguageChoiceTests(LanguageChoiceFixture fixture) : IClassFixture<LanguageChoiceFixture>
{
    internal const string EnglishOnlyPack = "ward-handover";
    private const string TranslatedModule = "cp-anemia-approach";
    private const string Note = "This module is also available in:";

    private ToolInstance Tool => fixture.Tool;

    [Theory]
    [InlineData("zh", "zh-Hans")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-Hans", "zh-Hans")]
    [InlineData("zh-SG", "zh-Hans")]
    [InlineData("zh_CN", "zh-Hans")]
    [InlineData("es", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("es-419", "es")]
    public async Task Chinese_and_spanish_locales_read_their_translation_without_the_english_note(string locale, string language)
    {
        var page = await LaunchAsync(locale);

        Assert.Contains($"<html lang=\"{language}\">", page.Html);
        Assert.Contains($"<div class=\"module-body\" lang=\"{language}\">", page.Html);
        Assert.DoesNotContain(Note, page.Text);
        // The way back to English (and to the other translation) is in the page's own language.
        Assert.Contains("<button type=\"submit\" name=\"lang\" value=\"en\" lang=\"en\">English</button>", page.Html);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("zh-TW")]
    [InlineData("zh-Hant")]
    [InlineData("zh-HK")]
    [InlineData("pt-BR")]
    [InlineData("fr")]
    public async Task Other_locales_read_english_with_a_note_naming_the_translations(string locale)
    {
        var page = await LaunchAsync(locale);

        Assert.Contains("<html lang=\"en\">", page.Html);
        Assert.Contains("<div class=\"module-body\" lang=\"en\">", page.Html);
        Assert.Contains($"{Note} Español 简体中文", page.Text);
        // The pages encode non-ASCII text as character references.
        var html = WebUtility.HtmlDecode(page.Html);
        Assert.Contains("<button type=\"submit\" name=\"lang\" value=\"es\" lang=\"es\">Español</button>", html);
        Assert.Contains("<button type=\"submit\" name=\"lang\" value=\"zh-Hans\" lang=\"zh-Hans\">简体中文</button>", html);
        Assert.DoesNotContain("not translated into your language", page.Text);
    }

    [Theory]
    [InlineData("zh-TW")]
    [InlineData("es")]
    public async Task Module_without_translations_offers_no_language(string locale)
    {
        var page = await LaunchAsync(locale, PackScaffold.ModuleId(EnglishOnlyPack));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<div class=\"module-body\" lang=\"en\">", page.Html);
        Assert.DoesNotContain("language-choice", page.Html);
        Assert.DoesNotContain(Note, page.Text);
    }

    [Fact]
    public async Task Chosen_language_stays_with_the_session_through_answers_and_back()
    {
        var learner = await LearnerAsync("pt-BR", subject: "chooser");

        var chosen = await learner.PostAsync("/learn/language", [new("lang", "zh-Hans")]);

        Assert.Equal(HttpStatusCode.SeeOther, chosen.Status);
        learner = new LearnerSession(learner.Browser, Tool, await learner.Browser.FollowAsync(chosen));
        Assert.Contains("<html lang=\"zh-Hans\">", learner.Page.Html);
        Assert.Contains("<div class=\"module-body\" lang=\"zh-Hans\">", learner.Page.Html);

        var question = LearnerSession.FirstSingleChoice(LearnerSession.Module(Tool, TranslatedModule));
        var answered = await learner.AnswerAsync(question.Id, question.Options[0].Id);
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Contains("<html lang=\"zh-Hans\">", answered.Html);

        var back = await learner.PostAsync("/learn/language", [new("lang", "en")]);
        var english = await learner.Browser.FollowAsync(back);
        Assert.Contains("<html lang=\"en\">", english.Html);
        Assert.Contains($"{Note} Español 简体中文", english.Text);
    }

    [Theory]
    [InlineData("fr", "'fr'")]
    [InlineData("zh-Hant", "'zh-Hant'")]
    [InlineData("", "no language")]
    public async Task Language_the_module_lacks_is_refused_naming_it(string language, string named)
    {
        var learner = await LearnerAsync("en", subject: "refused");

        var refused = await learner.PostAsync("/learn/language", [new("lang", language)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(named, refused.Text);
        Assert.Contains("en, es, zh-Hans", refused.Text);
        Assert.Equal("language_unavailable", refused.ReasonCode);
    }

    [Fact]
    public async Task Language_choice_needs_the_form_token()
    {
        var learner = await LearnerAsync("en", subject: "forged");

        var forged = await learner.PostAsync("/learn/language", [new("lang", "es")], formToken: "forged");

        Assert.NotEqual(HttpStatusCode.SeeOther, forged.Status);
        Assert.True((int)forged.Status is >= 400 and < 500, forged.ToString());
    }

    private async Task<LearnerSession> LearnerAsync(string locale, string subject)
    {
        var browser = Tool.NewBrowser();
        return new LearnerSession(browser, Tool, await LaunchAsync(locale, browser: browser, subject: subject));
    }

    /// <summary>A learner's launch with this locale into a link that names <paramref name="module"/>; returns the page it leads to.</summary>
    private async Task<WebPage> LaunchAsync(string locale, string module = TranslatedModule, TestBrowser? browser = null, string subject = "learner")
    {
        browser ??= Tool.NewBrowser();
        var platform = fixture.Platform;
        var (_, state, nonce) = await platform.LoginAsync(browser, Tool, loginHint: subject);
        var message = platform.Launch(Tool, nonce, subject) with
        {
            Locale = locale,
            ResourceLinkId = "link-" + module,
            Custom = new Dictionary<string, string> { ["module"] = module },
        };
        var launch = await browser.PostFormAsync(Tool.Url("/lti/launch"), [new("id_token", platform.Sign(message)), new("state", state)]);
        Assert.True(launch.Status == HttpStatusCode.SeeOther, launch.ToString());
        var page = await browser.FollowAsync(launch);
        Assert.True(page.Url.AbsolutePath == "/learn", page.ToString());
        return page;
    }
}
