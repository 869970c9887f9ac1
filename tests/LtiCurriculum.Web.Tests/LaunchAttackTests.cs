using System.Net;
using LtiCurriculum.Lti.Oidc;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests;

/// <summary>Launches an attacker (or a broken browser or platform) sends: each is refused with its status and reason code.</summary>
public sealed class LaunchAttackTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    private Uri LaunchUrl => Tool.Url("/lti/launch");

    [Fact]
    public async Task Launch_without_the_state_cookie_is_refused()
    {
        // 1A-11, 1A-13: the state is bound to the browser that started the login
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool);
        browser.ClearCookies();

        var page = await browser.SubmitAsync(steps.AuthenticationResponse);

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("state_not_in_browser", page.ReasonCode);
        Assert.Null(page.Location);
    }

    [Fact]
    public async Task Launch_with_another_browsers_state_cookie_is_refused()
    {
        // 1A-11: the cookie value must be the one set for this state
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool);
        var cookie = browser.StateCookie();
        browser.SetCookie(cookie.Name, cookie.Value[..^2] + (cookie.Value.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"), cookie.Path);

        var page = await browser.SubmitAsync(steps.AuthenticationResponse);

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("state_browser_mismatch", page.ReasonCode);
    }

    [Fact]
    public async Task Replayed_launch_is_refused()
    {
        // 1A-11, 1A-12, 1A-20: state and nonce are single use, even with the cookie replayed too
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool);
        var cookie = browser.StateCookie();
        var first = await browser.SubmitAsync(steps.AuthenticationResponse);
        Assert.Equal(HttpStatusCode.SeeOther, first.Status);
        Assert.Null(browser.Cookies.FirstOrDefault(c => c.Name == cookie.Name));

        browser.SetCookie(cookie.Name, cookie.Value, cookie.Path);
        var replay = await browser.SubmitAsync(steps.AuthenticationResponse);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Equal("state_unknown", replay.ReasonCode);
    }

    [Fact]
    public async Task Id_token_posted_with_another_logins_state_is_refused()
    {
        // 1A-12, 1A-20: the nonce is bound to its state; a token cannot be moved to another login
        using var browser = Tool.NewBrowser();
        var first = await browser.AuthorizeAsync(Tool);
        var second = await browser.AuthorizeAsync(Tool);
        var secondState = second.AuthenticationResponse["state"]!;
        Assert.NotNull(browser.Cookie(LoginStateCookie.NameFor(secondState)));

        var page = await browser.SubmitAsync(first.AuthenticationResponse.With("state", secondState));

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("nonce_mismatch", page.ReasonCode);
    }

    [Fact]
    public async Task Launch_failing_after_signature_verification_offers_the_return_url_with_lti_errormsg()
    {
        // 1A-30: launch_presentation.return_url with lti_errormsg, only once the token is known to come from the platform
        using var browser = Tool.NewBrowser();
        var first = await browser.AuthorizeAsync(Tool);
        var second = await browser.AuthorizeAsync(Tool);

        var page = await browser.SubmitAsync(first.AuthenticationResponse.With("state", second.AuthenticationResponse["state"]!));

        Assert.Equal("nonce_mismatch", page.ReasonCode);
        var returnLink = Assert.Single(page.Links, l => l.StartsWith(Tool.DevPlatformIssuer + "/return", StringComparison.Ordinal));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(returnLink).Query);
        Assert.Contains("nonce", query["lti_errormsg"].Single(), StringComparison.Ordinal);

        var back = await browser.GetAsync(new Uri(returnLink));
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Contains(query["lti_errormsg"].Single()!, back.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_failing_before_signature_verification_offers_no_return_url()
    {
        // 1A-30: an unverified token must not choose where the error page links to
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool);
        browser.ClearCookies();

        var page = await browser.SubmitAsync(steps.AuthenticationResponse);

        Assert.Equal("state_not_in_browser", page.ReasonCode);
        Assert.DoesNotContain(page.Links, l => l.Contains("lti_errormsg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_concurrent_posts_of_the_same_launch_succeed_once()
    {
        // 1A-11: single use holds under a race (atomic consume)
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool);
        // A second tab with the same cookies: neither request sees the other's cookie deletion.
        using var twin = Tool.NewBrowser();
        foreach (var cookie in browser.Cookies)
        {
            twin.SetCookie(cookie.Name, cookie.Value, cookie.Path);
        }

        var pages = await Task.WhenAll(
            browser.SubmitAsync(steps.AuthenticationResponse),
            twin.SubmitAsync(steps.AuthenticationResponse));

        Assert.Single(pages, p => p.Status == HttpStatusCode.SeeOther);
        var refused = Assert.Single(pages, p => p.Status != HttpStatusCode.SeeOther);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("state_unknown", refused.ReasonCode);
    }

    [Fact]
    public async Task Launch_with_no_form_body_is_a_bad_request()
    {
        using var browser = Tool.NewBrowser();

        var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, LaunchUrl));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("id_token_missing", page.ReasonCode);
    }

    [Fact]
    public async Task Platform_oidc_error_is_shown_as_a_bad_request_page()
    {
        // 1A-13: fail closed with a helpful page
        using var browser = Tool.NewBrowser();

        var page = await browser.PostFormAsync(LaunchUrl,
        [
            new("error", "login_required"),
            new("error_description", "The user is not logged in"),
            new("state", "c3RhdGU"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("platform_error", page.ReasonCode);
        Assert.Contains("login_required", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Megabyte_id_token_is_refused_as_too_large_not_a_server_error()
    {
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool);

        var page = await browser.SubmitAsync(steps.AuthenticationResponse.With("id_token", new string('a', 1024 * 1024)));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("id_token_too_large", page.ReasonCode);
    }

    [Theory]
    [InlineData("not a token at all")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln")]
    public async Task Garbage_id_token_is_refused_as_malformed(string idToken)
    {
        // 1A-13, certification "payload that is not an LTI 1.3 JWT"
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool);

        var page = await browser.SubmitAsync(steps.AuthenticationResponse.With("id_token", idToken));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("id_token_malformed", page.ReasonCode);
    }

    [Fact]
    public async Task Error_pages_show_a_correlation_id()
    {
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool);
        browser.ClearCookies();

        var first = await browser.SubmitAsync(steps.AuthenticationResponse);
        var second = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, LaunchUrl));

        Assert.False(string.IsNullOrWhiteSpace(first.CorrelationId), first.ToString());
        Assert.False(string.IsNullOrWhiteSpace(second.CorrelationId), second.ToString());
        Assert.NotEqual(first.CorrelationId, second.CorrelationId);
        Assert.Equal("no-store", first.Header("Cache-Control"));
        Assert.Equal("same-origin", first.Header("Referrer-Policy"));
    }

    [Fact]
    public async Task Platform_error_text_is_encoded_not_rendered_as_html()
    {
        using var browser = Tool.NewBrowser();

        var page = await browser.PostFormAsync(LaunchUrl,
            [new("error", "login_required"), new("error_description", "<script>alert('x')</script>")]);

        Assert.Equal("platform_error", page.ReasonCode);
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script>", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_body_larger_than_any_lti_message_is_a_bad_request_not_a_server_error()
    {
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool);

        var page = await browser.SubmitAsync(steps.AuthenticationResponse.With("id_token", new string('a', 3 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("request_malformed", page.ReasonCode);
    }

    [Fact]
    public async Task Anonymous_deep_linking_is_refused()
    {
        // 1A-27: the user policy is explicit per message type; deep linking needs to know who chooses content
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool, link: null, user: DevPlatformLaunch.Anonymous, messageType: DevPlatformLaunch.DeepLinking);

        var page = await browser.SubmitAsync(steps.AuthenticationResponse);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("sub_missing", page.ReasonCode);
    }
}
