using System.Net;
using System.Text.RegularExpressions;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>A learner (or staff member) working in the tool after a launch, as a browser without JavaScript would.</summary>
internal sealed partial class LearnerSession(TestBrowser browser, ToolInstance tool, WebPage page)
{
    public TestBrowser Browser { get; } = browser;
    public WebPage Page { get; private set; } = page;

    public string Token => Hidden("lti_session") ?? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Page.Url.Query)["lti_session"].Single()!;
    public string FormToken => Hidden("form_token") ?? throw new InvalidOperationException($"No form token on the page: {Page}");
    public int AttemptId => int.Parse(Hidden("attempt") ?? throw new InvalidOperationException($"No attempt on the page: {Page}"));

    public static async Task<LearnerSession> LaunchAsync(ToolInstance tool, string link = "link-cc-1", string user = DevPlatformLaunch.Learner,
        string course = "med-501", string locale = "en", TestBrowser? browser = null, ToolInstance? platform = null, string? clientId = null)
    {
        browser ??= tool.NewBrowser();
        var steps = await browser.LaunchAsync(tool, course, link, user, locale: locale, platform: platform, clientId: clientId);
        var session = new LearnerSession(browser, tool, steps.Page!);
        if (steps.Page!.Url.AbsolutePath == "/teach/dashboard")
        {
            // Course staff land on class readiness; these tests work as the student view does.
            await session.OpenAsync("/learn");
        }
        return session;
    }

    public static Module Module(ToolInstance tool, string id) =>
        tool.Services.GetRequiredService<ContentCatalogue>().FindModule(id)?.English ?? throw new InvalidOperationException($"No module {id}");

    /// <summary>Every module of the tool's catalogue in every language it has.</summary>
    public static IReadOnlyList<Module> AllModules(ToolInstance tool) =>
        [.. tool.Services.GetRequiredService<ContentCatalogue>().Packs.SelectMany(p => p.Modules).SelectMany(m => new[] { m.English }.Concat(m.Translations.Values))];

    /// <summary>POSTs one answer the way the question's form does (no JavaScript), following the 303 back to the page.</summary>
    public async Task<WebPage> AnswerAsync(string questionId, params string[] values)
    {
        var response = await PostAsync("/learn/answer", [new("question", questionId), new("attempt", AttemptId.ToString()), .. values.Select(v => KeyValuePair.Create("answer", v))]);
        return response.Status == HttpStatusCode.SeeOther ? Page = await Browser.FollowAsync(response) : response;
    }

    public async Task<WebPage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? formToken = null, string? token = null) =>
        await Browser.PostFormAsync(tool.Url(path), [new("lti_session", token ?? Token), new("form_token", formToken ?? FormToken), .. fields]);

    public async Task<WebPage> OpenAsync(string pathAndQuery)
    {
        var separator = pathAndQuery.Contains('?') ? '&' : '?';
        return Page = await Browser.GetAsync(tool.Url($"{pathAndQuery}{separator}lti_session={Uri.EscapeDataString(Token)}"));
    }

    /// <summary>Review page, then its submit form; returns the result page.</summary>
    public async Task<WebPage> SubmitAsync()
    {
        var review = await OpenAsync("/learn/review");
        var response = await PostAsync("/learn/submit", [new("attempt", AttemptId.ToString())]);
        Assert.True(response.Status == HttpStatusCode.SeeOther, response.ToString());
        return Page = await Browser.FollowAsync(response);
    }

    public static ChoiceQuestion FirstSingleChoice(Module module) => module.Questions.OfType<ChoiceQuestion>().First(q => !q.AllowsMultiple);

    private string? Hidden(string name)
    {
        var match = Regex.Match(Page.Html, $"<input type=\"hidden\" name=\"{name}\" value=\"(?<value>[^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["value"].Value) : null;
    }
}
