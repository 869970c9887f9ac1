using System.Net;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests;

/// <summary>
/// The session after a launch travels in the request itself (query for GET navigations, header for script
/// calls) because LMS iframes often lose cookies; the cookie is only a convenience for GETs.
/// </summary>
public sealed class SessionTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    private async Task<string> LaunchForTokenAsync()
    {
        using var browser = Tool.NewBrowser();
        var steps = await browser.LaunchAsync(Tool);
        Assert.Equal(HttpStatusCode.OK, steps.Landing!.Status);
        return steps.SessionToken;
    }

    [Fact]
    public async Task Landing_page_works_from_the_query_token_alone()
    {
        var token = await LaunchForTokenAsync();
        using var freshBrowser = Tool.NewBrowser();

        var page = await freshBrowser.GetAsync(Tool.Url($"/launch/landing?lti_session={Uri.EscapeDataString(token)}"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Ana Ramos", page.Fact("Signed in as"));
    }

    [Fact]
    public async Task Landing_page_works_from_the_session_header_alone()
    {
        var token = await LaunchForTokenAsync();
        using var freshBrowser = Tool.NewBrowser();

        var page = await freshBrowser.GetAsync(Tool.Url("/launch/landing"), new Dictionary<string, string> { ["X-Lti-Session"] = token });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Ana Ramos", page.Fact("Signed in as"));
    }

    [Fact]
    public async Task Landing_page_works_from_the_session_cookie_on_get()
    {
        using var browser = Tool.NewBrowser();
        await browser.LaunchAsync(Tool);
        var cookie = browser.Cookie("lti_session");
        Assert.NotNull(cookie);

        var page = await browser.GetAsync(Tool.Url("/launch/landing"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Ana Ramos", page.Fact("Signed in as"));
    }

    [Fact]
    public async Task Session_cookie_is_cross_site_capable_secure_and_partitioned()
    {
        using var browser = Tool.NewBrowser();
        await browser.LaunchAsync(Tool);
        var attributes = browser.Cookie("lti_session")!.Attributes.Select(a => a.ToLowerInvariant()).ToList();

        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=none", attributes);
        Assert.Contains("partitioned", attributes);
        Assert.Contains("httponly", attributes);
    }

    [Fact]
    public async Task Tampered_session_token_gets_a_401_page()
    {
        var token = await LaunchForTokenAsync();
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        using var freshBrowser = Tool.NewBrowser();

        var page = await freshBrowser.GetAsync(Tool.Url($"/launch/landing?lti_session={Uri.EscapeDataString(tampered)}"));

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("session_missing", page.ReasonCode);
        Assert.DoesNotContain("Ana Ramos", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_session_token_gets_a_401_page()
    {
        using var browser = Tool.NewBrowser();

        var page = await browser.GetAsync(Tool.Url("/launch/landing"));

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("session_missing", page.ReasonCode);
        Assert.Contains("Open the activity again from your course", page.Text, StringComparison.Ordinal);
        Assert.Equal("same-origin", page.Header("Referrer-Policy"));
    }

    [Fact]
    public async Task Resource_link_session_does_not_open_the_deep_linking_page()
    {
        var token = await LaunchForTokenAsync();
        using var freshBrowser = Tool.NewBrowser();

        var page = await freshBrowser.GetAsync(Tool.Url($"/teach/deep-linking?lti_session={Uri.EscapeDataString(token)}"));

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("session_missing", page.ReasonCode);
    }
}
