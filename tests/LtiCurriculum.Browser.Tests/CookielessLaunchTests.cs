using System.Text.RegularExpressions;
using LtiCurriculum.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LtiCurriculum.Browser.Tests;

/// <summary>
/// Safari's case: the tool in a frame of a course page on another site (the development platform at localhost, the tool at
/// 127.0.0.1), and the browser keeps no cookie for the frame. The tool keeps its login binding in the platform's storage
/// (LTI Platform Storage 0.1) instead; when the platform offers no storage the login page says so and opens a new window.
/// </summary>
public sealed class CookielessLaunchTests(CrossSiteBrowserFixture fixture) : IClassFixture<CrossSiteBrowserFixture>
{
    // The tests share one tool and one link, and xunit orders them differently from one checkout to another: each launches
    // as its own roster student, so one test's submitted attempt never meets another's launch.
    private const string SafariStudent = "student-21";
    private const string FallbackStudent = "student-22";
    private const string SilentPlatformStudent = "student-23";

    // A framed launch is four cross-site navigations (login, storage page, authorization, launch): on 2 busy cores,
    // with the HTTP tests running beside these, it has taken over Playwright's default 30 s.
    private const float LaunchTimeoutMs = 90_000;

    [BrowserFact]
    public async Task In_a_cross_site_frame_without_cookies_the_launch_completes_through_platform_storage_and_the_student_submits()
    {
        await using var context = await NewContextBlockingFrameCookiesAsync();
        var page = await context.NewPageAsync();
        var launches = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && new Uri(request.Url).AbsolutePath == "/lti/launch")
            {
                launches.Add(request.PostData ?? "");
            }
        };
        await page.GotoAsync(fixture.Tool.PlatformOrigin + "/dev-platform/framed-launch?course=med-501&link=link-cc-1&user=" + SafariStudent);

        var tool = page.FrameLocator("#tool-frame");
        await Expect(tool.Locator("h1")).ToHaveTextAsync("Making the case for curricular change", new() { Timeout = LaunchTimeoutMs });
        Assert.Equal("/learn", await ToolFramePathAsync(tool));

        // The platform's post went first without the cookie; the page read the binding and nonce back and re-posted.
        Assert.Equal(2, launches.Count);
        Assert.DoesNotContain("lti_storage_binding", launches[0], StringComparison.Ordinal);
        Assert.Matches("lti_storage_binding=[A-Za-z0-9_-]{20,}", launches[1]);
        Assert.Matches("lti_storage_nonce=[A-Za-z0-9_-]{20,}", launches[1]);
        var stored = await page.Frame("post_message_forwarding")!.EvaluateAsync<int>(
            "() => Object.keys(localStorage).filter(k => k.startsWith('lti-storage:" + fixture.Tool.Origin + ":lticurriculum_')).length");
        Assert.Equal(2, stored);
        Assert.Empty(await context.Context.CookiesAsync([fixture.Tool.Origin]));

        // The student answers and submits inside the frame: the session travels without cookies too.
        await tool.Locator("label[for='q-co-cfc-q1-b']").ClickAsync();
        await Expect(tool.Locator("#q-co-cfc-q1 .save-status")).ToHaveTextAsync("Saved");
        await tool.GetByRole(AriaRole.Link, new() { Name = "Review and submit" }).ClickAsync();
        await tool.GetByRole(AriaRole.Button, new() { Name = "Submit this attempt" }).ClickAsync();
        await Expect(tool.Locator("h1")).ToHaveTextAsync("Result of attempt 1");
        await Expect(tool.Locator(".score")).ToHaveTextAsync("You scored 1 of 6 points.");
    }

    [BrowserFact]
    public async Task Without_platform_storage_or_cookies_the_login_page_explains_and_opens_the_activity_in_a_new_window()
    {
        await using var context = await NewContextBlockingFrameCookiesAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Tool.PlatformOrigin + "/dev-platform/framed-launch?storage=off&course=med-501&link=link-cc-1&user=" + FallbackStudent);

        var tool = page.FrameLocator("#tool-frame");
        var fallback = tool.Locator("#lti-storage-fallback");
        await Expect(fallback).ToBeVisibleAsync();
        await Expect(fallback.Locator("h2")).ToHaveTextAsync("Your browser blocks this activity inside the course page");
        await Expect(tool.Locator("#lti-storage-status")).ToHaveTextAsync("The sign-in cannot finish inside this page.");
        // The way out is where the keyboard is, and the page (with its frame) passes axe.
        await Expect(tool.Locator("#lti-storage-fallback a")).ToBeFocusedAsync();
        await page.AssertAccessibleAsync("login fallback in a course frame");

        // A new window is a first-party page: its cookie works, and the same launch completes there.
        var popup = await context.Context.RunAndWaitForPageAsync(() => fallback.GetByRole(AriaRole.Link, new() { Name = "Open the activity in a new window" }).ClickAsync());
        await popup.WaitForURLAsync(Launches.IsLearnerPage, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load, Timeout = LaunchTimeoutMs });
        await Expect(popup.Locator("h1")).ToHaveTextAsync("Making the case for curricular change");
    }

    [BrowserFact]
    public async Task In_a_cross_site_frame_of_a_silent_platform_the_cookie_still_carries_the_launch()
    {
        // Chromium keeps the tool's partitioned cookie in the frame; the platform never answers (Moodle, Canvas's apps).
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Tool.PlatformOrigin + "/dev-platform/framed-launch?storage=off&course=med-501&link=link-cc-1&user=" + SilentPlatformStudent);

        var tool = page.FrameLocator("#tool-frame");
        await Expect(tool.Locator("h1")).ToHaveTextAsync("Making the case for curricular change", new() { Timeout = LaunchTimeoutMs });
        Assert.Equal("/learn", await ToolFramePathAsync(tool));
    }

    /// <summary>
    /// As Safari does for a cross-site frame: the tool's responses to its frame lose their cookies, and script in the frame
    /// can neither set nor read one. Top-level pages (the platform, a new window) keep theirs.
    /// </summary>
    private Task<OwnContext> NewContextBlockingFrameCookiesAsync() => NewContextBlockingFrameCookiesAsync(fixture);

    internal static async Task<OwnContext> NewContextBlockingFrameCookiesAsync(BrowserFixture fixture, bool bypassCsp = false)
    {
        var own = await fixture.NewContextAsync(bypassCsp: bypassCsp);
        var context = own.Context;
        var toolOrigin = fixture.Tool.Origin;
        await context.RouteAsync(new Regex("^" + Regex.Escape(toolOrigin) + "/"), async route =>
        {
            if (!InFrame(route.Request))
            {
                await route.ContinueAsync();
                return;
            }
            var response = await route.FetchAsync(new RouteFetchOptions { MaxRedirects = 0 });
            // The fetch itself files the response's cookies in the context's jar; the frame must not have them.
            await context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Domain = "127.0.0.1" });
            var headers = response.HeadersArray
                .Where(h => !h.Name.Equals("set-cookie", StringComparison.OrdinalIgnoreCase))
                .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Value)));
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Headers = headers });
        });
        await context.AddInitScriptAsync(
            "if (window !== window.top && location.origin === '" + toolOrigin + "') {" +
            " Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get: function () { return ''; }, set: function () {} }); }");
        return own;
    }

    private static bool InFrame(IRequest request)
    {
        try
        {
            return request.Frame.ParentFrame is not null;
        }
        catch (PlaywrightException)
        {
            return false; // A new window's first request comes before its frame exists.
        }
    }

    /// <summary>
    /// The path of the document the tool's frame shows, read in that document (the frame element is found afresh each
    /// time), rather than <c>IFrame.Url</c>, which is only the last commit Playwright recorded for the frame.
    /// </summary>
    private static Task<string> ToolFramePathAsync(IFrameLocator tool) =>
        tool.Locator("html").EvaluateAsync<string>("() => location.pathname");
}
