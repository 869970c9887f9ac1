using System.Net;
using LtiCurriculum.Web.Install.Registration;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Web.Tests.Registration;

/// <summary>A tool (Lti:AutoAddDeployments off) and an LMS that registers it dynamically.</summary>
public sealed class RegistrationFixture : IAsyncLifetime
{
    internal ToolInstance Tool { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Configuration = new Dictionary<string, string?> { ["Registration:AllowInsecureLoopback"] = "true" },
        });

    public async ValueTask DisposeAsync() => await Tool.DisposeAsync();
}

/// <summary>The registration pages an LMS shows its administrator, over real HTTP with a real database.</summary>
public sealed class RegistrationPageTests(RegistrationFixture fixture) : IClassFixture<RegistrationFixture>
{
    private ToolInstance Tool => fixture.Tool;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Missing_secret_is_refused()
    {
        await using var platform = await RegistrationPlatform.StartAsync();
        using var browser = Tool.NewBrowser();

        var page = await browser.GetAsync(Tool.Url($"/lti/register?openid_configuration={Uri.EscapeDataString(platform.ConfigurationUrl)}"));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("registration_secret_invalid", page.ReasonCode);
        Assert.Empty(platform.Registrations);
    }

    [Fact]
    public async Task Wrong_secret_is_refused_before_the_platform_is_contacted()
    {
        await using var platform = await RegistrationPlatform.StartAsync();
        using var browser = Tool.NewBrowser();
        var url = (await platform.RegistrationUrlAsync(Tool)).AbsoluteUri;
        var secret = await Tool.Services.GetRequiredService<RegistrationSecret>().GetOrCreateAsync("test", Ct);

        var page = await browser.GetAsync(new Uri(url.Replace(secret, new string('0', secret.Length), StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("registration_secret_invalid", page.ReasonCode);
        Assert.Contains("registration url", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_openid_configuration_is_named()
    {
        using var browser = Tool.NewBrowser();
        var secret = await Tool.Services.GetRequiredService<RegistrationSecret>().GetOrCreateAsync("test", Ct);

        var page = await browser.GetAsync(Tool.Url($"/lti/register?secret={secret}&registration_token=abc"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("openid_configuration_missing", page.ReasonCode);
        Assert.Contains("openid_configuration", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_page_shows_the_platform_and_what_the_tool_asks_for()
    {
        await using var platform = await RegistrationPlatform.StartAsync();
        using var browser = Tool.NewBrowser();

        var review = await browser.GetAsync(await platform.RegistrationUrlAsync(Tool));

        Assert.Equal(HttpStatusCode.OK, review.Status);
        Assert.Equal(platform.Issuer, review.Fact("Issuer"));
        Assert.Equal("moodle", review.Fact("Product"));
        Assert.Equal("4.5.1", review.Fact("Version"));
        Assert.Equal("LtiCurriculum", review.Fact("Name"));
        Assert.Contains("https://purl.imsglobal.org/spec/lti-ags/scope/score", review.Text, StringComparison.Ordinal);
        Assert.Contains("Send learners' scores to the gradebook", review.Text, StringComparison.Ordinal);
        Assert.Contains("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly", review.Text, StringComparison.Ordinal);
        Assert.Contains("LtiDeepLinkingRequest", review.Text, StringComparison.Ordinal);
        Assert.Contains("given_name", review.Text, StringComparison.Ordinal);
        Assert.Equal(64, review.Form()["pending"]!.Length);
        // Shown inside the frame of an LMS not registered yet: that LMS may frame it, and the page loads nothing from elsewhere.
        Assert.Null(review.Header("X-Frame-Options"));
        Assert.EndsWith($"frame-ancestors 'self' {platform.Issuer}", review.Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", review.Html.Replace(platform.Issuer, "", StringComparison.Ordinal).Split("<main")[0], StringComparison.Ordinal);
        Assert.Empty(platform.Registrations);
    }

    [Fact]
    public async Task Confirmed_registration_is_saved_in_full_and_the_new_client_can_launch()
    {
        await using var platform = await RegistrationPlatform.StartAsync();
        platform.RegistrationAnswer = (200, """{"client_id":"full-flow-client","https://purl.imsglobal.org/spec/lti-tool-configuration":{"deployment_id":"dep-full"}}""");
        using var browser = Tool.NewBrowser();
        var review = await browser.GetAsync(await platform.RegistrationUrlAsync(Tool, "reg-token-full"));

        var done = await browser.SubmitAsync(review.Form().With("action", "confirm"));

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal("full-flow-client", done.Fact("Client id"));
        Assert.Equal("dep-full", done.Fact("Deployment id"));
        Assert.Contains("/js/registration-close.js", done.Html, StringComparison.Ordinal);

        var (authorization, body) = Assert.Single(platform.Registrations);
        Assert.Equal("Bearer reg-token-full", authorization);
        Assert.Equal(Tool.Origin + "/lti/login", (string?)body["initiate_login_uri"]);
        Assert.Equal(Tool.Origin + "/.well-known/jwks.json", (string?)body["jwks_uri"]);
        Assert.Equal(new Uri(Tool.Origin).Authority, (string?)body["https://purl.imsglobal.org/spec/lti-tool-configuration"]!["domain"]);

        var saved = await Tool.QueryAsync(db => db.Platforms.AsNoTracking().Include(p => p.Deployments).SingleAsync(p => p.ClientId == "full-flow-client", Ct));
        Assert.Equal(platform.Issuer, saved.Issuer);
        Assert.Equal("registration", saved.Source);
        Assert.Equal("moodle", saved.ProductFamily);
        Assert.Equal(platform.Issuer + "/auth", saved.AuthorizationEndpoint);
        Assert.Equal(platform.Issuer + "/token", saved.TokenEndpoint);
        Assert.Equal(platform.Issuer + "/token-audience", saved.TokenAudience);
        Assert.Equal(platform.Issuer + "/jwks", saved.JwksUri);
        Assert.Equal(["dep-full"], saved.Deployments.Select(d => d.DeploymentId));
        var pending = await Tool.QueryAsync(db => db.PendingRegistrations.AsNoTracking().SingleAsync(p => p.Id == review.Form()["pending"], Ct));
        Assert.NotNull(pending.CompletedAt);
        Assert.Equal(saved.Id, pending.PlatformId);
        var audit = await Tool.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "dynamic registration").ToListAsync(Ct));
        var entry = Assert.Single(audit, a => a.Subject == $"{platform.Issuer} full-flow-client");
        Assert.Equal("registration", entry.Actor);
        Assert.Contains(platform.ConfigurationUrl, entry.Details, StringComparison.Ordinal);
        Assert.Contains("moodle", entry.Details, StringComparison.Ordinal);

        using var learner = Tool.NewBrowser();
        var launch = await platform.LaunchAsync(learner, Tool, "full-flow-client", "dep-full");
        Assert.True(launch.Status == HttpStatusCode.SeeOther, launch.ToString());
        Assert.Equal(platform.Issuer, (await learner.AboutLaunchAsync(Tool, launch)).Fact("Platform"));
    }

    [Fact]
    public async Task Replayed_confirmation_is_refused_and_registers_nothing_more()
    {
        await using var platform = await RegistrationPlatform.StartAsync();
        platform.RegistrationAnswer = (200, """{"client_id":"replay-client"}""");
        using var browser = Tool.NewBrowser();
        var form = (await browser.GetAsync(await platform.RegistrationUrlAsync(Tool))).Form().With("action", "confirm");
        Assert.Equal(HttpStatusCode.OK, (await browser.SubmitAsync(form)).Status);

        var replay = await browser.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.Conflict, replay.Status);
        Assert.Equal("registration_already_used", replay.ReasonCode);
        Assert.Contains("only once", replay.Text, StringComparison.Ordinal);
        Assert.Single(platform.Registrations);
    }

    [Fact]
    public async Task Cancelled_registration_sends_nothing_and_cannot_be_confirmed_after()
    {
        await using var platform = await RegistrationPlatform.StartAsync();
        using var browser = Tool.NewBrowser();
        var form = (await browser.GetAsync(await platform.RegistrationUrlAsync(Tool))).Form();

        var cancelled = await browser.SubmitAsync(form.With("action", "cancel"));
        var confirm = await browser.SubmitAsync(form.With("action", "confirm"));

        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Contains("Nothing was registered", cancelled.Text, StringComparison.Ordinal);
        Assert.Contains("/js/registration-close.js", cancelled.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, confirm.Status);
        Assert.Empty(platform.Registrations);
    }

    [Fact]
    public async Task Unknown_pending_id_is_refused()
    {
        using var browser = Tool.NewBrowser();

        var page = await browser.PostFormAsync(Tool.Url(RegistrationEndpoints.ConfirmPath), [new("pending", new string('a', 64)), new("action", "confirm")]);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("registration_unknown", page.ReasonCode);
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(5_000_000)]
    public async Task Oversized_confirmation_is_refused_with_413_not_500(int length)
    {
        using var browser = Tool.NewBrowser();

        var page = await browser.PostFormAsync(Tool.Url(RegistrationEndpoints.ConfirmPath), [new("pending", new string('a', length)), new("action", "confirm")]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.Status);
        Assert.Equal("form_too_large", page.ReasonCode);
    }

    [Fact]
    public async Task Spent_registration_token_is_explained_and_nothing_is_saved()
    {
        await using var platform = await RegistrationPlatform.StartAsync();
        platform.RegistrationAnswer = (401, """{"error":"token_already_used"}""");
        using var browser = Tool.NewBrowser();
        var form = (await browser.GetAsync(await platform.RegistrationUrlAsync(Tool))).Form();

        var page = await browser.SubmitAsync(form.With("action", "confirm"));

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Equal("registration_token_used", page.ReasonCode);
        Assert.Contains("Start again from the LMS", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.CorrelationId);
        Assert.False(await Tool.QueryAsync(db => db.Platforms.AnyAsync(p => p.Issuer == platform.Issuer, Ct)));
    }

    [Fact]
    public async Task Canvas_errors_reach_the_administrator_in_words()
    {
        await using var platform = await RegistrationPlatform.StartAsync();
        platform.RegistrationAnswer = (422, """{"errors":[{"field":"scope","message":"is not allowed"}]}""");
        using var browser = Tool.NewBrowser();
        var form = (await browser.GetAsync(await platform.RegistrationUrlAsync(Tool))).Form();

        var page = await browser.SubmitAsync(form.With("action", "confirm"));

        Assert.Equal("platform_refused_registration", page.ReasonCode);
        Assert.Contains("scope: is not allowed", page.Text, StringComparison.Ordinal);
    }
}

/// <summary>A pending registration lives 30 minutes; the tool's clock is a fake one here.</summary>
public sealed class PendingRegistrationExpiryTests
{
    [Fact]
    public async Task Expired_registration_cannot_be_confirmed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Clock = clock,
            Configuration = new Dictionary<string, string?> { ["Registration:AllowInsecureLoopback"] = "true" },
        });
        await using var platform = await RegistrationPlatform.StartAsync();
        using var browser = tool.NewBrowser();
        var form = (await browser.GetAsync(await platform.RegistrationUrlAsync(tool))).Form();

        clock.Advance(TimeSpan.FromMinutes(31));
        var page = await browser.SubmitAsync(form.With("action", "confirm"));

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Equal("registration_expired", page.ReasonCode);
        Assert.Empty(platform.Registrations);
    }
}
