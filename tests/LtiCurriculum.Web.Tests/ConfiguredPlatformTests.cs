using System.Net;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Tests;

/// <summary>Two other platforms registered through Lti:Platforms: one whose JWKS is up, one whose JWKS URL is dead.</summary>
public sealed class ConfiguredPlatformFixture : IAsyncLifetime
{
    internal FakePlatform Live { get; private set; } = null!;

    internal FakePlatform Dead { get; private set; } = null!;

    internal ToolInstance Tool { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Live = await FakePlatform.StartAsync("live");
        Dead = FakePlatform.WithDeadJwks("dead");
        Tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Configuration = new Dictionary<string, string?>([.. Live.Configuration(0), .. Dead.Configuration(1)]),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Tool.DisposeAsync();
        await Live.DisposeAsync();
        await Dead.DisposeAsync();
    }
}

public sealed class ConfiguredPlatformTests(ConfiguredPlatformFixture fixture) : IClassFixture<ConfiguredPlatformFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ToolInstance Tool => fixture.Tool;

    [Fact]
    public async Task Configured_platforms_are_copied_into_the_database()
    {
        var platforms = await Tool.QueryAsync(db => db.Platforms.AsNoTracking().Include(p => p.Deployments).OrderBy(p => p.Id).ToListAsync(Ct));

        var live = Assert.Single(platforms, p => p.Issuer == fixture.Live.Issuer);
        Assert.Equal("configuration", live.Source);
        Assert.Equal(fixture.Live.ClientId, live.ClientId);
        Assert.Equal(fixture.Live.JwksUri, live.JwksUri);
        Assert.Equal(fixture.Live.AuthorizationEndpoint, live.AuthorizationEndpoint);
        Assert.Equal([fixture.Live.DeploymentId], live.Deployments.Select(d => d.DeploymentId));
        Assert.Single(platforms, p => p.Issuer == fixture.Dead.Issuer && p.Source == "configuration");
    }

    [Fact]
    public async Task Launch_from_a_configured_platform_works()
    {
        // 1A-10, 1A-14, 1A-15, 1A-16, 1A-17, 1A-20, 1A-21
        var platform = fixture.Live;
        using var browser = Tool.NewBrowser();
        var (login, state, nonce) = await platform.LoginAsync(browser, Tool, loginHint: "grace");
        var authRequest = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(login.Location!.Query);
        Assert.Equal(platform.ClientId, authRequest["client_id"].Single());
        Assert.Equal("grace", authRequest["login_hint"].Single());

        var launch = await browser.PostFormAsync(Tool.Url("/lti/launch"),
            [new("id_token", platform.Sign(platform.Launch(Tool, nonce, subject: "grace"))), new("state", state)]);
        Assert.True(launch.Status == HttpStatusCode.SeeOther, launch.ToString());
        var landing = await browser.AboutLaunchAsync(Tool, launch);

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Equal("Grace Hopper", landing.Fact("Signed in as"));
        Assert.Equal("Cardiology", landing.Fact("Course"));
        Assert.Equal(platform.Issuer, landing.Fact("Platform"));
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_refused()
    {
        // 1A-14, 1A-15: a key the platform's JWKS does not list signs nothing
        var platform = fixture.Live;
        using var impostor = new LtiCurriculum.DevPlatform.DevPlatformKey();
        using var browser = Tool.NewBrowser();
        var (_, state, nonce) = await platform.LoginAsync(browser, Tool);
        var forged = new LtiCurriculum.DevPlatform.IdTokenBuilder(impostor, TimeProvider.System).Build(platform.Launch(Tool, nonce));

        var page = await browser.PostFormAsync(Tool.Url("/lti/launch"), [new("id_token", forged), new("state", state)]);

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("kid_unknown", page.ReasonCode);
    }

    [Fact]
    public async Task Launch_from_a_platform_whose_jwks_is_unreachable_is_a_502()
    {
        // 1A-15: key discovery failure is the platform's outage, said so, not a 500
        var platform = fixture.Dead;
        using var browser = Tool.NewBrowser();
        var (_, state, nonce) = await platform.LoginAsync(browser, Tool);

        var page = await browser.PostFormAsync(Tool.Url("/lti/launch"),
            [new("id_token", platform.Sign(platform.Launch(Tool, nonce))), new("state", state)]);

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Equal("platform_jwks_unavailable", page.ReasonCode);
        Assert.False(string.IsNullOrWhiteSpace(page.CorrelationId));
    }

    [Fact]
    public async Task Javascript_return_url_is_never_offered()
    {
        // 1A-30: only absolute http(s) return URLs are linked
        var platform = fixture.Live;
        using var browser = Tool.NewBrowser();
        var (_, state, nonce) = await platform.LoginAsync(browser, Tool);
        var launch = platform.Launch(Tool, nonce) with { ReturnUrl = "javascript:alert(document.cookie)" };

        var landing = await browser.FollowAsync(await browser.PostFormAsync(Tool.Url("/lti/launch"), [new("id_token", platform.Sign(launch)), new("state", state)]));

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.DoesNotContain(landing.Links, l => l.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Landing_page_offers_the_platforms_return_url()
    {
        // 1A-30
        var platform = fixture.Live;
        using var browser = Tool.NewBrowser();
        var (_, state, nonce) = await platform.LoginAsync(browser, Tool);

        var landing = await browser.FollowAsync(await browser.PostFormAsync(Tool.Url("/lti/launch"),
            [new("id_token", platform.Sign(platform.Launch(Tool, nonce))), new("state", state)]));

        Assert.Contains(platform.ReturnUrl, landing.Links);
    }

    [Fact]
    public async Task Valid_launch_with_a_long_return_url_gets_a_usable_session()
    {
        // 1A-30: return_url is the platform's to choose; a valid launch must lead to a working page
        var platform = fixture.Live;
        using var browser = Tool.NewBrowser();
        var (_, state, nonce) = await platform.LoginAsync(browser, Tool);
        var returnUrl = platform.ReturnUrl + "?launch_presentation_return_data=" + new string('x', 1500);

        var launch = await browser.PostFormAsync(Tool.Url("/lti/launch"),
            [new("id_token", platform.Sign(platform.Launch(Tool, nonce) with { ReturnUrl = returnUrl })), new("state", state)]);
        Assert.True(launch.Status == HttpStatusCode.SeeOther, launch.ToString());
        var landing = await browser.AboutLaunchAsync(Tool, launch);

        Assert.True(landing.Status == HttpStatusCode.OK, landing.ToString());
        Assert.Equal("Grace Hopper", landing.Fact("Signed in as"));
    }
}
