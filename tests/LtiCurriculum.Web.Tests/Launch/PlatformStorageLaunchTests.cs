using System.Net;
using System.Text.RegularExpressions;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.Web.Tests.Launch;

/// <summary>
/// The cookieless launch over HTTP (LTI Platform Storage 0.1): a framed Canvas-style login answers a page that keeps the
/// binding and nonce in the platform's storage; a launch whose cookie did not come back is first answered with a page that
/// reads them back, and its re-post is checked like a cookie would be: known, unexpired, single use, bound to the nonce.
/// </summary>
public sealed partial class PlatformStorageLaunchTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    [Fact]
    public async Task A_framed_login_offering_storage_answers_the_storage_page_and_still_sets_the_cookie()
    {
        using var browser = FramedBrowser();
        var login = await StartFramedLoginAsync(browser);

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal("no-store", login.Header("Cache-Control"));
        var storage = StoragePage.Read(login);
        Assert.Equal("login", storage.Mode);
        Assert.Equal("_parent", storage.Target);
        Assert.Equal(Tool.Origin, storage.TargetOrigin);
        Assert.Contains(Tool.Origin, storage.ReplyOrigins);
        // The binding kept in storage is the cookie's value; the nonce is the one sent to the platform.
        var cookie = browser.StateCookie();
        Assert.Equal(cookie.Value, storage.Binding);
        Assert.Equal(storage.AuthorizationUrl.Query["nonce"].Single(), storage.Nonce);
        Assert.Equal(Tool.DevPlatformIssuer + "/authorize", storage.AuthorizationUrl.Action);
        Assert.EndsWith(cookie.Name["lti_state_".Length..], storage.BindingKey, StringComparison.Ordinal);
        // The new-window fallback is the same login without the storage target.
        var newWindow = new Uri(WebUtility.HtmlDecode(NewWindowLink().Match(login.Html).Groups["href"].Value));
        var query = QueryHelpers.ParseQuery(newWindow.Query);
        Assert.Equal(Tool.Origin + "/lti/login", newWindow.GetLeftPart(UriPartial.Path));
        Assert.False(query.ContainsKey("lti_storage_target"));
        Assert.Equal(Tool.DevPlatformIssuer, query["iss"].Single());
    }

    [Fact]
    public async Task A_top_level_login_offering_storage_is_still_a_redirect()
    {
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool, style: "get");

        Assert.Equal(HttpStatusCode.Redirect, steps.Login.Status);
    }

    [Fact]
    public async Task A_launch_without_its_cookie_completes_with_the_binding_and_nonce_read_from_platform_storage()
    {
        using var browser = FramedBrowser();
        var (storage, response) = await AuthorizeFramedAsync(browser);
        browser.ClearCookies();

        var readBack = await browser.SubmitAsync(response);
        Assert.Equal(HttpStatusCode.OK, readBack.Status);
        var launchPage = StoragePage.Read(readBack);
        Assert.Equal("launch", launchPage.Mode);
        Assert.Equal(storage.BindingKey, launchPage.BindingKey);
        Assert.Equal(storage.NonceKey, launchPage.NonceKey);
        var form = readBack.Form();
        Assert.Equal(response["id_token"], form["id_token"]);
        Assert.Equal(response["state"], form["state"]);

        var launch = await browser.SubmitAsync(form.With("lti_storage_binding", storage.Binding).With("lti_storage_nonce", storage.Nonce));
        Assert.True(launch.Status == HttpStatusCode.SeeOther, launch.ToString());
        Assert.StartsWith("/learn", launch.Location!.AbsolutePath, StringComparison.Ordinal);

        // Single use: the same re-post again finds no state.
        var replay = await browser.SubmitAsync(form.With("lti_storage_binding", storage.Binding).With("lti_storage_nonce", storage.Nonce));
        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Equal("state_unknown", replay.ReasonCode);
    }

    [Theory]
    [InlineData("binding")]
    [InlineData("nonce")]
    public async Task A_storage_re_post_with_a_wrong_value_is_refused_and_uses_up_the_state(string wrong)
    {
        using var browser = FramedBrowser();
        var (storage, response) = await AuthorizeFramedAsync(browser);
        browser.ClearCookies();
        var form = (await browser.SubmitAsync(response)).Form();

        var forged = await browser.SubmitAsync(form
            .With("lti_storage_binding", wrong == "binding" ? Flip(storage.Binding) : storage.Binding)
            .With("lti_storage_nonce", wrong == "nonce" ? Flip(storage.Nonce) : storage.Nonce));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.Status);
        Assert.Equal("state_browser_mismatch", forged.ReasonCode);

        var honest = await browser.SubmitAsync(form.With("lti_storage_binding", storage.Binding).With("lti_storage_nonce", storage.Nonce));
        Assert.Equal("state_unknown", honest.ReasonCode);
    }

    [Fact]
    public async Task A_re_post_whose_storage_gave_nothing_is_refused_as_not_in_this_browser_without_asking_again()
    {
        using var browser = FramedBrowser();
        var (_, response) = await AuthorizeFramedAsync(browser);
        browser.ClearCookies();
        var form = (await browser.SubmitAsync(response)).Form();

        var page = await browser.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("state_not_in_browser", page.ReasonCode);
        Assert.DoesNotContain("data-lti-storage", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_launch_that_got_neither_carrier_back_explains_how_to_reopen_it_in_a_new_window_and_offers_no_link_that_cannot_work()
    {
        using var browser = FramedBrowser();
        var login = await StartFramedLoginAsync(browser);
        var loginNewWindow = WebUtility.HtmlDecode(NewWindowLink().Match(login.Html).Groups["href"].Value);
        var response = await AuthorizeAsync(browser, StoragePage.Read(login));
        browser.ClearCookies();
        var form = (await browser.SubmitAsync(response)).Form();

        var page = await browser.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("state_not_in_browser", page.ReasonCode);
        Assert.Contains("<h1>Your browser blocks this activity inside the course page</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains("Open the activity again from your course in a new window or tab", page.Text, StringComparison.Ordinal);
        Assert.False(NewWindowLink().IsMatch(page.Html), page.Html);
        Assert.DoesNotContain(page.Links, l => l.Contains("/lti/", StringComparison.Ordinal));

        // Why no link: the login's new-window URL worked before the authorization, and now the platform has spent its
        // lti_message_hint (the development platform, like Moodle, takes each once), so that login ends refused.
        using var newWindow = Tool.NewBrowser();
        var restarted = await newWindow.GetAsync(new Uri(loginNewWindow));
        Assert.Equal(HttpStatusCode.Redirect, restarted.Status);
        var authorize = await newWindow.FollowAsync(restarted);
        var refused = await newWindow.SubmitAsync(authorize.Form());
        Assert.Equal("platform_error", refused.ReasonCode);
    }

    [Fact]
    public async Task A_launch_whose_cookie_came_back_never_asks_the_platform_storage()
    {
        using var browser = FramedBrowser();
        var (_, response) = await AuthorizeFramedAsync(browser);

        var launch = await browser.SubmitAsync(response);

        Assert.Equal(HttpStatusCode.SeeOther, launch.Status);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL3Vua25vd24uZXhhbXBsZSIsImF1ZCI6IngifQ.c2ln")]
    public async Task A_cookieless_launch_with_a_token_of_no_known_platform_is_refused_at_once(string idToken)
    {
        using var browser = FramedBrowser();

        var page = await browser.PostFormAsync(Tool.Url("/lti/launch"),
            [new("id_token", idToken), new("state", "c3RhdGVzdGF0ZXN0YXRlc3RhdGVzdGF0ZXN0YXRlc3RhdGU"), new("lti_storage_target", "_parent")]);

        Assert.True(page.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, page.ToString());
        Assert.DoesNotContain("data-lti-storage", page.Html, StringComparison.Ordinal);
    }

    private TestBrowser FramedBrowser()
    {
        var browser = Tool.NewBrowser();
        browser.FetchDest = "iframe";
        return browser;
    }

    private async Task<WebPage> StartFramedLoginAsync(TestBrowser browser)
    {
        var platformLaunch = await browser.PostFormAsync(Tool.Url("/dev-platform/launch"),
            [new("course", "med-501"), new("link", "link-cc-1"), new("user", DevPlatformLaunch.Learner), new("style", "get")]);
        Assert.Equal(HttpStatusCode.Redirect, platformLaunch.Status);
        return await browser.FollowAsync(platformLaunch);
    }

    /// <summary>The framed login, then the platform's authorization: the auto-posted id_token form, not yet submitted.</summary>
    private async Task<(StoragePage Storage, HtmlForm Response)> AuthorizeFramedAsync(TestBrowser browser)
    {
        var storage = StoragePage.Read(await StartFramedLoginAsync(browser));
        return (storage, await AuthorizeAsync(browser, storage));
    }

    private static async Task<HtmlForm> AuthorizeAsync(TestBrowser browser, StoragePage storage)
    {
        var authorize = await browser.GetAsync(new Uri(QueryHelpers.AddQueryString(storage.AuthorizationUrl.Action,
            storage.AuthorizationUrl.Query.ToDictionary(p => p.Key, p => (string?)p.Value.Single()))));
        Assert.Equal(HttpStatusCode.OK, authorize.Status);
        var response = authorize.Form();
        Assert.Equal("_parent", response["lti_storage_target"]);
        return response;
    }

    private static string Flip(string value) => value[..^1] + (value[^1] == 'A' ? 'B' : 'A');

    private sealed record AuthorizationTarget(string Action, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Query);

    private sealed record StoragePage(
        string Mode, string Target, string TargetOrigin, string[] ReplyOrigins, string BindingKey, string NonceKey, string Binding, string Nonce,
        AuthorizationTarget AuthorizationUrl)
    {
        public static StoragePage Read(WebPage page)
        {
            var root = Root().Match(page.Html);
            Assert.True(root.Success, $"Not a platform storage page: {page}");
            string Attribute(string name) => WebUtility.HtmlDecode(Regex.Match(root.Value, $"data-{name}=\"(?<v>[^\"]*)\"").Groups["v"].Value);
            var getForm = GetForm().Match(page.Html);
            var query = Hidden().Matches(page.Html).ToDictionary(
                m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => new Microsoft.Extensions.Primitives.StringValues(WebUtility.HtmlDecode(m.Groups["value"].Value)));
            return new StoragePage(Attribute("lti-storage"), Attribute("target"), Attribute("target-origin"),
                Attribute("reply-origins").Split(' '), Attribute("binding-key"), Attribute("nonce-key"), Attribute("binding"), Attribute("nonce"),
                new AuthorizationTarget(WebUtility.HtmlDecode(getForm.Groups["action"].Value), query));
        }
    }

    [GeneratedRegex("<div data-lti-storage=[^>]*>")]
    private static partial Regex Root();

    [GeneratedRegex("<form [^>]*method=\"get\"[^>]*action=\"(?<action>[^\"]*)\"")]
    private static partial Regex GetForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\" target=\"_blank\"")]
    private static partial Regex NewWindowLink();
}
