using System.Net;
using System.Text;
using LtiCurriculum.Web.Hosting.Framing;
using LtiCurriculum.Web.Install.Platforms;
using LtiCurriculum.Web.Tests.Registration;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using static LtiCurriculum.Web.Tests.Hosting.EdgeRequests;

namespace LtiCurriculum.Web.Tests.Hosting;

/// <summary>
/// Who may frame the tool (CSP frame-ancestors): itself, the registered platforms' issuer, authorization and token
/// origins, and Security:FrameAncestors; never everyone, and never by X-Frame-Options. Dynamic registration pages are
/// framed by the LMS registering, which is not registered yet.
/// </summary>
public sealed class FramingTests
{
    private const string Vanity = "https://lms.example.edu";
    private const string CanvasIssuer = "https://canvas.instructure.com";
    private const string CanvasLogin = "https://sso.canvaslms.com";
    private const string Institution = "https://school.instructure.com";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ToolSettings WithCanvas(FakeTimeProvider? clock = null) => new()
    {
        Clock = clock,
        Configuration = new Dictionary<string, string?>
        {
            ["Security:FrameAncestors:0"] = Vanity,
            ["Lti:Platforms:0:Issuer"] = CanvasIssuer,
            ["Lti:Platforms:0:ClientId"] = "10000000000001",
            ["Lti:Platforms:0:AuthorizationEndpoint"] = CanvasLogin + "/api/lti/authorize_redirect",
            ["Lti:Platforms:0:TokenEndpoint"] = Institution + "/login/oauth2/token",
            ["Lti:Platforms:0:JwksUri"] = CanvasLogin + "/api/lti/security/jwks",
            ["Lti:Platforms:0:DeploymentIds:0"] = "1",
        },
    };

    private static string FrameAncestorsOf(HttpResponseMessage response, string what)
    {
        Assert.False(response.Headers.Contains("X-Frame-Options"), $"{what} sent X-Frame-Options");
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"{what} has no Content-Security-Policy");
        var policy = Assert.Single(values);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        var framing = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal));
        Assert.DoesNotContain("*", framing.Replace("*.", "", StringComparison.Ordinal), StringComparison.Ordinal);
        return framing;
    }

    [Fact]
    public async Task Every_page_type_may_be_framed_by_the_registered_platforms_and_no_one_else()
    {
        await using var tool = await ToolInstance.StartAsync(WithCanvas());
        var learner = await LearnerSession.LaunchAsync(tool);
        var instructor = await LearnerSession.LaunchAsync(tool, user: DevPlatformLaunch.Instructor);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var pages = new (string What, Func<HttpRequestMessage> Request, HttpStatusCode Status)[]
        {
            ("home page", () => new(HttpMethod.Get, tool.Url("/")), HttpStatusCode.OK),
            ("launch error page", () => new(HttpMethod.Post, tool.Url("/lti/launch")) { Content = new FormUrlEncodedContent([new("state", "x")]) }, HttpStatusCode.Unauthorized),
            ("learner page", () => new(HttpMethod.Get, tool.Url($"/learn?lti_session={Uri.EscapeDataString(learner.Token)}")), HttpStatusCode.OK),
            ("teach page", () => new(HttpMethod.Get, tool.Url($"/teach/settings?lti_session={Uri.EscapeDataString(instructor.Token)}")), HttpStatusCode.OK),
            ("health", () => new(HttpMethod.Get, tool.Url("/health/live")), HttpStatusCode.OK),
            ("problem+json", () => OversizedAnswer(tool, learner.Token), HttpStatusCode.RequestEntityTooLarge),
            ("stylesheet", () => new(HttpMethod.Get, tool.Url("/css/site.css")), HttpStatusCode.OK),
        };
        foreach (var (what, request, status) in pages)
        {
            using var sent = request();
            using var response = await http.SendAsync(sent, Ct);
            Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode}");
            var framing = FrameAncestorsOf(response, what);
            Assert.StartsWith("frame-ancestors 'self' ", framing, StringComparison.Ordinal);
            foreach (var origin in new[] { Vanity, CanvasIssuer, CanvasLogin, Institution, tool.Origin })
            {
                Assert.Contains(" " + origin, framing, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Registration_pages_may_be_framed_by_the_registering_lms_only()
    {
        await using var tool = await ToolInstance.StartAsync(WithCanvas());
        await using var platform = await RegistrationPlatform.StartAsync();
        using var browser = tool.NewBrowser();

        var review = await browser.GetAsync(await platform.RegistrationUrlAsync(tool));
        var done = await browser.SubmitAsync(review.Form().With("action", "confirm"));
        var replayed = await browser.SubmitAsync(review.Form().With("action", "confirm"));

        foreach (var (what, page, status) in new[] { ("review", review, HttpStatusCode.OK), ("done", done, HttpStatusCode.OK), ("replayed confirmation", replayed, HttpStatusCode.Conflict) })
        {
            Assert.True(page.Status == status, $"{what}: {page}");
            Assert.Null(page.Header("X-Frame-Options"));
            Assert.EndsWith($"frame-ancestors 'self' {Vanity} {platform.Issuer}", page.Header("Content-Security-Policy"), StringComparison.Ordinal);
        }
        // Once registered, it frames the tool's other pages too.
        using var http = new HttpClient();
        using var home = await http.GetAsync(tool.Url("/"), Ct);
        Assert.Contains(" " + platform.Issuer, FrameAncestorsOf(home, "home page"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_url_without_its_secret_names_no_one_new()
    {
        await using var tool = await ToolInstance.StartAsync(WithCanvas());
        using var http = new HttpClient();

        using var response = await http.GetAsync(tool.Url("/lti/register?secret=wrong&openid_configuration=https%3A%2F%2Fattacker.example%2Fconfig"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("attacker.example", FrameAncestorsOf(response, "refused registration"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_platform_added_or_disabled_through_platform_admin_changes_framing_without_a_restart()
    {
        await using var tool = await ToolInstance.StartAsync(WithCanvas());
        using var http = new HttpClient();
        async Task<string> FramingAsync()
        {
            using var response = await http.GetAsync(tool.Url("/"), Ct);
            return FrameAncestorsOf(response, "home page");
        }
        var admin = tool.Services.GetRequiredService<PlatformAdmin>();
        Assert.DoesNotContain("moodle.example.edu", await FramingAsync(), StringComparison.Ordinal);

        var added = await admin.AddAsync(new PlatformSettings
        {
            Issuer = "https://moodle.example.edu",
            ClientId = "abc",
            AuthorizationEndpoint = "https://moodle.example.edu/mod/lti/auth.php",
            TokenEndpoint = "https://moodle.example.edu/mod/lti/token.php",
            JwksUri = "https://moodle.example.edu/mod/lti/certs.php",
            DeploymentIds = ["1"],
        }, "test", Ct);
        Assert.Equal(PlatformOutcome.Done, added.Outcome);
        Assert.Contains(" https://moodle.example.edu", await FramingAsync(), StringComparison.Ordinal);

        await admin.SetDisabledAsync(new PlatformRef(added.Platform!.Id, null, null), disabled: true, "test", Ct);
        Assert.DoesNotContain("moodle.example.edu", await FramingAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_platform_registered_by_another_instance_may_frame_the_tool_within_the_max_age()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(WithCanvas(clock));
        using var http = new HttpClient();
        async Task<string> FramingAsync()
        {
            using var response = await http.GetAsync(tool.Url("/health/live"), Ct);
            return FrameAncestorsOf(response, "health");
        }
        Assert.DoesNotContain("other.example.edu", await FramingAsync(), StringComparison.Ordinal);

        // Another instance (or the CLI) writes the row; this process is not told.
        await tool.QueryAsync(async db =>
        {
            db.Platforms.Add(new Data.Entities.PlatformEntity
            {
                Issuer = "https://other.example.edu", ClientId = "x", AuthorizationEndpoint = "https://other.example.edu/auth",
                TokenEndpoint = "https://other.example.edu/token", JwksUri = "https://other.example.edu/jwks", Source = "cli",
            });
            return await db.SaveChangesAsync(Ct);
        });
        Assert.DoesNotContain("other.example.edu", await FramingAsync(), StringComparison.Ordinal);

        clock.Advance(FrameAncestors.MaxAge + TimeSpan.FromSeconds(1));
        Assert.Contains(" https://other.example.edu", await FramingAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", "lms.example.edu")]
    [InlineData("Development", "https://lms.example.edu/path")]
    [InlineData("Development", "http://lms.example.edu")]
    [InlineData("Development", "*")]
    [InlineData("Production", "http://localhost:3000")]
    public async Task A_frame_ancestor_that_is_not_an_allowed_origin_stops_startup_naming_the_key(string environment, string entry)
    {
        var settings = new ToolSettings
        {
            Environment = environment,
            DevPlatform = false,
            Configuration = new Dictionary<string, string?> { ["Security:FrameAncestors:0"] = Vanity, ["Security:FrameAncestors:1"] = entry },
        };

        Assert.Contains("Security:FrameAncestors:1", await EdgeRequests.StartupErrorAsync(settings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", "http://localhost:3000")]
    [InlineData("Development", "http://127.0.0.1:8080/")]
    [InlineData("Production", "https://*.instructure.com")]
    public async Task Https_origins_wildcard_hosts_and_local_http_in_development_are_accepted(string environment, string entry)
    {
        using var folder = new TempFolder();
        var settings = new ToolSettings { Environment = environment, DevPlatform = false, Configuration = new Dictionary<string, string?> { ["Security:FrameAncestors:0"] = entry } };
        await using var app = ToolInstance.Build(settings, folder.DatabaseFile);

        var options = app.Services.GetRequiredService<IOptions<FramingOptions>>().Value;

        Assert.Equal([entry], options.FrameAncestors);
    }
}
