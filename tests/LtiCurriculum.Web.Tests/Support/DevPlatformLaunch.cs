using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>Every step of a launch through the built-in development platform, kept for assertions.</summary>
internal sealed record LaunchSteps(
    WebPage PlatformLaunch,
    WebPage Login,
    WebPage Authorize,
    WebPage? Launch = null,
    WebPage? Landing = null,
    WebPage? Page = null)
{
    /// <summary>The auto-posted authentication response (id_token and state) the platform sends to the tool.</summary>
    public HtmlForm AuthenticationResponse => Authorize.Form();

    /// <summary>The session token the tool put in the URL the launch leads to.</summary>
    public string SessionToken =>
        QueryHelpers.ParseQuery(Launch?.Location?.Query)["lti_session"].Single()
        ?? throw new InvalidOperationException("The launch gave no session token.");
}

/// <summary>Plays the learner's browser through the dev platform: the platform's page, the tool's login, the authorization, the launch.</summary>
internal static class DevPlatformLaunch
{
    public const string Learner = "learner-ana";
    public const string PrivateLearner = "learner-private";
    public const string Instructor = "instructor-lee";
    public const string TeachingAssistant = "ta-kim";
    public const string Anonymous = "anonymous";
    public const string ResourceLink = "LtiResourceLinkRequest";
    public const string DeepLinking = "LtiDeepLinkingRequest";

    /// <summary>
    /// POST /dev-platform/launch → the tool's /lti/login (auto-posted form, or GET for style=get) → 302 to
    /// /dev-platform/authorize → the auto-post form carrying id_token and state, not yet submitted.
    /// </summary>
    public static async Task<LaunchSteps> AuthorizeAsync(
        this TestBrowser browser, ToolInstance tool, string course = "med-501", string? link = "link-cc-1",
        string user = Learner, string messageType = ResourceLink, string style = "post", string locale = "en", ToolInstance? platform = null,
        string? clientId = null)
    {
        // The platform is the tool's own /dev-platform unless another instance hosts it (DevPlatform:ToolOrigin = the tool).
        platform ??= tool;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("course", course), new("user", user), new("message_type", messageType), new("locale", locale), new("style", style),
        };
        if (link is not null)
        {
            fields.Add(new("link", link));
        }
        if (clientId is not null)
        {
            // A tool registration the platform made by dynamic registration, instead of its built-in one.
            fields.Add(new("client_id", clientId));
        }
        var platformLaunch = await browser.PostFormAsync(platform.Url("/dev-platform/launch"), fields);

        WebPage login;
        if (style == "get")
        {
            Assert.True(platformLaunch.Status == HttpStatusCode.Redirect, $"Canvas-style login is a redirect: {platformLaunch}");
            Assert.Equal(tool.Origin + "/lti/login", platformLaunch.Location!.GetLeftPart(UriPartial.Path));
            login = await browser.FollowAsync(platformLaunch);
        }
        else
        {
            Assert.True(platformLaunch.Status == HttpStatusCode.OK, $"Moodle-style login is an auto-posted form: {platformLaunch}");
            var loginForm = platformLaunch.Form();
            Assert.Equal(tool.Origin + "/lti/login", loginForm.Action.AbsoluteUri);
            login = await browser.SubmitAsync(loginForm);
        }
        Assert.True(login.Status == HttpStatusCode.Redirect, $"The tool answers a login with a redirect to the platform: {login}");
        Assert.Equal(platform.DevPlatformIssuer + "/authorize", login.Location!.GetLeftPart(UriPartial.Path));

        var authorize = await browser.FollowAsync(login);
        Assert.True(authorize.Status == HttpStatusCode.OK, $"The platform authorizes with an auto-posted form: {authorize}");
        return new LaunchSteps(platformLaunch, login, authorize);
    }

    /// <summary>
    /// The whole launch: <see cref="AuthorizeAsync"/>, POST /lti/launch (303), GET the page it leads to
    /// (<see cref="LaunchSteps.Page"/>), then the "about this launch" page with the same session (<see cref="LaunchSteps.Landing"/>).
    /// </summary>
    public static async Task<LaunchSteps> LaunchAsync(
        this TestBrowser browser, ToolInstance tool, string course = "med-501", string? link = "link-cc-1",
        string user = Learner, string messageType = ResourceLink, string style = "post", string locale = "en", ToolInstance? platform = null,
        string? clientId = null)
    {
        var steps = await browser.AuthorizeAsync(tool, course, link, user, messageType, style, locale, platform, clientId);
        var launch = await browser.SubmitAsync(steps.AuthenticationResponse);
        Assert.True(launch.Status == HttpStatusCode.SeeOther, $"A valid launch answers 303: {launch}\nThe tool's recent errors:\n{tool.RecentErrors}");
        var page = await browser.FollowAsync(launch);
        var withLaunch = steps with { Launch = launch, Page = page };
        var landing = await browser.GetAsync(tool.Url($"/launch/landing?lti_session={Uri.EscapeDataString(withLaunch.SessionToken)}"));
        return withLaunch with { Landing = landing };
    }

    /// <summary>The "about this launch" page (who, which course, which link) for the session a launch response carries.</summary>
    public static Task<WebPage> AboutLaunchAsync(this TestBrowser browser, ToolInstance tool, WebPage launch)
    {
        var token = QueryHelpers.ParseQuery(launch.Location?.Query)["lti_session"].Single();
        return browser.GetAsync(tool.Url($"/launch/landing?lti_session={Uri.EscapeDataString(token!)}"));
    }

    /// <summary>The state cookie the tool set at login (name lti_state_…).</summary>
    public static TestBrowser.StoredCookie StateCookie(this TestBrowser browser) =>
        browser.Cookies.Single(c => c.Name.StartsWith("lti_state_", StringComparison.Ordinal));
}
