using System.Net;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests;

/// <summary>The login initiation (/lti/login): what it refuses before sending the browser anywhere.</summary>
public sealed class LoginTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    private List<KeyValuePair<string, string>> Login(string? iss = null, string? loginHint = "dev-user-1001", string? target = null, string? deploymentId = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("iss", iss ?? Tool.DevPlatformIssuer),
            new("target_link_uri", target ?? Tool.Origin + "/lti/launch"),
            new("client_id", "lticurriculum-dev"),
        };
        if (loginHint is not null)
        {
            fields.Add(new("login_hint", loginHint));
        }
        if (deploymentId is not null)
        {
            fields.Add(new("lti_deployment_id", deploymentId));
        }
        return fields;
    }

    /// <summary>Makes the tool know the dev platform (its registrar runs when a launch starts there).</summary>
    private async Task RegisterDevPlatformAsync(TestBrowser browser)
    {
        var start = await browser.PostFormAsync(Tool.Url("/dev-platform/launch"),
            [new("course", "med-501"), new("link", "link-cc-1"), new("user", "learner-ana")]);
        Assert.Equal(HttpStatusCode.OK, start.Status);
    }

    [Fact]
    public async Task Login_from_an_unknown_issuer_is_forbidden_without_redirect()
    {
        // 1A-6
        using var browser = Tool.NewBrowser();

        var page = await browser.PostFormAsync(Tool.Url("/lti/login"), Login(iss: "https://unknown.lms.test"));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("login_platform_unknown", page.ReasonCode);
        Assert.Null(page.Location);
        Assert.Empty(browser.Cookies);
    }

    [Fact]
    public async Task Login_with_a_target_link_uri_on_another_host_is_a_bad_request()
    {
        // 1A-7: no open redirect
        using var browser = Tool.NewBrowser();
        await RegisterDevPlatformAsync(browser);

        var page = await browser.PostFormAsync(Tool.Url("/lti/login"), Login(target: "https://evil.example/lti/launch"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("login_target_link_uri_foreign", page.ReasonCode);
        Assert.Null(page.Location);
    }

    [Fact]
    public async Task Login_without_login_hint_is_a_bad_request_naming_login_hint()
    {
        // 1A-2
        using var browser = Tool.NewBrowser();
        await RegisterDevPlatformAsync(browser);

        var page = await browser.GetAsync(Tool.Url("/lti/login?" + string.Join('&',
            Login(loginHint: null).Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"))));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("login_parameter_missing", page.ReasonCode);
        Assert.Contains("login_hint", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_with_an_unknown_deployment_is_forbidden()
    {
        // 1A-4
        using var browser = Tool.NewBrowser();
        await RegisterDevPlatformAsync(browser);

        var page = await browser.PostFormAsync(Tool.Url("/lti/login"), Login(deploymentId: "someone-elses-deployment"));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("login_deployment_unknown", page.ReasonCode);
    }

    [Fact]
    public async Task Login_binds_the_state_to_the_browser_with_a_cross_site_cookie()
    {
        // 1A-9, 1A-11, §5 item 2: SameSite=None; Secure; Partitioned, scoped to the launch path
        using var browser = Tool.NewBrowser();
        await RegisterDevPlatformAsync(browser);

        var page = await browser.PostFormAsync(Tool.Url("/lti/login"), Login());

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("same-origin", page.Header("Referrer-Policy"));
        var cookie = browser.StateCookie();
        Assert.Equal("/lti/launch", cookie.Path);
        var attributes = cookie.Attributes.Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=none", attributes);
        Assert.Contains("partitioned", attributes);
        Assert.Contains("httponly", attributes);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(page.Location!.Query);
        Assert.NotEqual(query["state"].Single(), query["nonce"].Single());
        Assert.DoesNotContain(query["state"].Single()!, cookie.Value, StringComparison.Ordinal);
    }
}
