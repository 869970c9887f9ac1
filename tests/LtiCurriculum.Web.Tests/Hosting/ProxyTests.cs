using System.Net;
using System.Text.Json.Nodes;
using LtiCurriculum.Web.Hosting.Proxies;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LtiCurriculum.Web.Tests.Hosting.EdgeRequests;

namespace LtiCurriculum.Web.Tests.Hosting;

/// <summary>X-Forwarded-* only from configured proxies; Tool:PublicBaseUrl decides every URL the tool writes; HSTS outside Development.</summary>
public sealed class ProxyTests
{
    private const string PublicBaseUrl = "https://lti.example.edu";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ToolSettings With(string environment = "Development", params (string Key, string Value)[] settings) => new()
    {
        Environment = environment,
        DevPlatform = environment == "Development",
        Configuration = settings.ToDictionary(s => s.Key, s => (string?)s.Value),
    };

    private static HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    private static async Task<List<HttpStatusCode>> LoginsAsync(ToolInstance tool, HttpClient http, params string[] forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var address in forwardedFor)
        {
            var (status, response) = await SendAsync(http, Login(tool, "https://unknown.lms.test", forwardedFor: address));
            response.Dispose();
            statuses.Add(status);
        }
        return statuses;
    }

    [Fact]
    public async Task X_forwarded_for_from_an_unconfigured_sender_does_not_change_the_client_address()
    {
        await using var tool = await ToolInstance.StartAsync(With(settings: ("RateLimits:LaunchesPerAddress", "3")));
        using var http = NewClient();

        var statuses = await LoginsAsync(tool, http, "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4");

        // Every one counted against 127.0.0.1, whatever it claimed.
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "127.0.0.1")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8")]
    public async Task X_forwarded_for_from_a_configured_proxy_is_the_client_address(string key, string value)
    {
        await using var tool = await ToolInstance.StartAsync(With(settings: [(key, value), ("RateLimits:LaunchesPerAddress", "3")]));
        using var http = NewClient();

        var spread = await LoginsAsync(tool, http, "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4");
        var one = await LoginsAsync(tool, http, "203.0.113.1", "203.0.113.1", "203.0.113.1");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, spread);
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], one);
    }

    [Fact]
    public async Task A_spoofed_host_cannot_change_the_urls_the_tool_writes_when_public_base_url_is_set()
    {
        // Even a trusted proxy's X-Forwarded-Host must not move the addresses platforms registered.
        await using var tool = await ToolInstance.StartAsync(With(settings: [("Tool:PublicBaseUrl", PublicBaseUrl), ("ForwardedHeaders:KnownProxies:0", "127.0.0.1")]));
        await RegisterDevPlatformAsync(tool);
        using var http = NewClient();
        static void Spoof(HttpRequestMessage request)
        {
            request.Headers.Host = "evil.example";
            request.Headers.Add("X-Forwarded-Host", "evil.example");
            request.Headers.Add("X-Forwarded-Proto", "http");
        }

        using var login = Login(tool, tool.DevPlatformIssuer, targetLinkUri: PublicBaseUrl + "/lti/launch");
        Spoof(login);
        var (status, loginResponse) = await SendAsync(http, login);
        using var config = new HttpRequestMessage(HttpMethod.Get, tool.Url("/lti-config/canvas.json"));
        Spoof(config);
        var (_, configResponse) = await SendAsync(http, config);

        Assert.Equal(HttpStatusCode.Redirect, status);
        var redirect = QueryHelpers.ParseQuery(loginResponse.Headers.Location!.Query);
        Assert.Equal(PublicBaseUrl + "/lti/launch", redirect["redirect_uri"].Single());
        var document = await configResponse.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("evil.example", document, StringComparison.Ordinal);
        Assert.Equal(PublicBaseUrl + "/lti/login", (string?)JsonNode.Parse(document)!["oidc_initiation_url"]);
        loginResponse.Dispose();
        configResponse.Dispose();
    }

    [Theory]
    [InlineData("Production", "max-age=31536000")]
    [InlineData("Staging", "max-age=31536000")]
    [InlineData("Development", null)]
    public async Task Hsts_is_sent_over_https_outside_development_only(string environment, string? expected)
    {
        await using var tool = await ToolInstance.StartAsync(With(environment, ("ForwardedHeaders:KnownProxies:0", "127.0.0.1")));
        using var http = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, tool.Url("/health/live"));
        // TLS ends at the proxy, which says so.
        request.Headers.Host = "lti.example.edu";
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? values.Single() : null);
    }

    [Fact]
    public async Task Every_page_type_sends_hsts_in_production()
    {
        // One registration confirmation a minute from one address: the second below is refused.
        var settings = With("Production", ("ForwardedHeaders:KnownProxies:0", "127.0.0.1"), ("RateLimits:RegistrationsPerAddress", "1")) with { DevPlatform = true };
        await using var tool = await ToolInstance.StartAsync(settings);
        var learner = await LearnerSession.LaunchAsync(tool);
        var instructor = await LearnerSession.LaunchAsync(tool, user: DevPlatformLaunch.Instructor);
        using var http = NewClient();

        var pages = new (string What, HttpRequestMessage Request, HttpStatusCode Status)[]
        {
            ("home page", new(HttpMethod.Get, tool.Url("/")), HttpStatusCode.OK),
            ("launch error page", new(HttpMethod.Post, tool.Url("/lti/launch")) { Content = new FormUrlEncodedContent([new("state", "x")]) }, HttpStatusCode.Unauthorized),
            ("learner page", new(HttpMethod.Get, tool.Url($"/learn?lti_session={Uri.EscapeDataString(learner.Token)}")), HttpStatusCode.OK),
            ("teach page", new(HttpMethod.Get, tool.Url($"/teach/settings?lti_session={Uri.EscapeDataString(instructor.Token)}")), HttpStatusCode.OK),
            ("health", new(HttpMethod.Get, tool.Url("/health/live")), HttpStatusCode.OK),
            ("problem+json", OversizedAnswer(tool, learner.Token), HttpStatusCode.RequestEntityTooLarge),
            ("registration refusal", new(HttpMethod.Post, tool.Url("/lti/register/confirm")), HttpStatusCode.NotFound),
            ("rate-limit refusal", new(HttpMethod.Post, tool.Url("/lti/register/confirm")), HttpStatusCode.TooManyRequests),
            // Static files are served from the Web project's wwwroot in Development only when run from the tests.
            ("not found", new(HttpMethod.Get, tool.Url("/no-such-page")), HttpStatusCode.NotFound),
        };
        foreach (var (what, request, status) in pages)
        {
            using var sent = request;
            // TLS ends at the proxy, which says so.
            sent.Headers.Host = "lti.example.edu";
            sent.Headers.Add("X-Forwarded-Proto", "https");
            using var response = await http.SendAsync(sent, Ct);

            Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode}");
            Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values), $"{what} sent no Strict-Transport-Security");
            Assert.Equal("max-age=31536000", values.Single());
        }
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.300")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.internal")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0-24")]
    public async Task A_proxy_setting_that_is_not_an_address_stops_startup_naming_the_key(string key, string value) =>
        Assert.Contains(key, await StartupErrorAsync(With(settings: (key, value))), StringComparison.Ordinal);
}
