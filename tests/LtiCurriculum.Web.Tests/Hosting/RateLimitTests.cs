using System.Collections.Concurrent;
using System.Net;
using LtiCurriculum.Web.Hosting.RateLimits;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LtiCurriculum.Web.Tests.Hosting.EdgeRequests;

namespace LtiCurriculum.Web.Tests.Hosting;

/// <summary>Rate limits per client address and per platform named: a whole class gets in, a flood does not.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ToolSettings With(params (string Key, string Value)[] settings) =>
        new() { Configuration = settings.ToDictionary(s => s.Key, s => (string?)s.Value) };

    private static HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task A_class_of_300_behind_one_address_logs_in_and_launches_within_a_minute_without_being_limited()
    {
        await using var tool = await ToolInstance.StartAsync();
        await RegisterDevPlatformAsync(tool);
        using var http = NewClient();
        var statuses = new ConcurrentBag<(string Step, HttpStatusCode Status)>();

        // 300 students behind one NAT address: each a login and a launch naming the same platform, 600 requests in all.
        await Parallel.ForEachAsync(Enumerable.Range(1, 300), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (student, _) =>
        {
            var (login, loginResponse) = await SendAsync(http, Login(tool, tool.DevPlatformIssuer, user: $"student-{student}"));
            loginResponse.Dispose();
            statuses.Add(("login", login));
            var (launch, launchResponse) = await SendAsync(http, EdgeRequests.Launch(tool, tool.DevPlatformIssuer));
            launchResponse.Dispose();
            statuses.Add(("launch", launch));
        });

        Assert.Equal(600, statuses.Count);
        Assert.DoesNotContain(statuses, s => s.Status == HttpStatusCode.TooManyRequests);
        Assert.All(statuses.Where(s => s.Step == "login"), s => Assert.Equal(HttpStatusCode.Redirect, s.Status));
        // Unsigned: refused by the launch's own checks, not by a limit.
        Assert.All(statuses.Where(s => s.Step == "launch"), s => Assert.Equal(HttpStatusCode.Unauthorized, s.Status));
    }

    [Fact]
    public async Task A_flood_from_one_address_is_refused_with_429_retry_after_and_the_limit_named()
    {
        await using var tool = await ToolInstance.StartAsync(With(("RateLimits:LaunchesPerAddress", "20")));
        using var http = NewClient();
        for (var i = 0; i < 20; i++)
        {
            var (status, response) = await SendAsync(http, Login(tool, "https://unknown.lms.test"));
            response.Dispose();
            Assert.Equal(HttpStatusCode.Forbidden, status);
        }

        var (page, pageResponse) = await SendAsync(http, Login(tool, "https://unknown.lms.test"));
        using var json = Login(tool, "https://unknown.lms.test");
        json.Headers.Accept.ParseAdd("application/json");
        var (problem, problemResponse) = await SendAsync(http, json);
        var (launch, launchResponse) = await SendAsync(http, EdgeRequests.Launch(tool, "https://unknown.lms.test"));

        Assert.Equal(HttpStatusCode.TooManyRequests, page);
        var retryAfter = int.Parse(Assert.Single(pageResponse.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var html = await pageResponse.Content.ReadAsStringAsync(Ct);
        Assert.Contains("rate_limited", html, StringComparison.Ordinal);
        Assert.Contains("LTI logins from one address (20 a minute)", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, problem);
        Assert.True(problemResponse.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", problemResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"rate_limited\"", await problemResponse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Launches count apart from logins.
        Assert.Equal(HttpStatusCode.Unauthorized, launch);
        foreach (var response in new[] { pageResponse, problemResponse, launchResponse }) response.Dispose();
    }

    [Fact]
    public async Task Logins_and_launches_naming_one_platform_are_limited_across_addresses()
    {
        await using var tool = await ToolInstance.StartAsync(With(
            ("ForwardedHeaders:KnownProxies:0", "127.0.0.1"), ("RateLimits:LaunchesPerPlatform", "5"), ("RateLimits:LaunchesPerAddress", "1000")));
        await RegisterDevPlatformAsync(tool);
        using var http = NewClient();

        var logins = new List<HttpStatusCode>();
        var launches = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            var (login, loginResponse) = await SendAsync(http, Login(tool, tool.DevPlatformIssuer, forwardedFor: $"203.0.113.{i}"));
            var (launch, launchResponse) = await SendAsync(http, EdgeRequests.Launch(tool, tool.DevPlatformIssuer, forwardedFor: $"198.51.100.{i}"));
            logins.Add(login);
            launches.Add(launch);
            if (i == 6)
            {
                Assert.Contains("LTI logins naming this platform (5 a minute)", await loginResponse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }
            loginResponse.Dispose();
            launchResponse.Dispose();
        }
        var (other, otherResponse) = await SendAsync(http, Login(tool, "https://unknown.lms.test", forwardedFor: "192.0.2.1"));
        otherResponse.Dispose();

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.TooManyRequests], logins);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], launches);
        // Another platform's budget is its own.
        Assert.Equal(HttpStatusCode.Forbidden, other);
    }

    [Fact]
    public async Task Registration_requests_and_teach_posts_have_their_own_lower_limits()
    {
        await using var tool = await ToolInstance.StartAsync(With(("RateLimits:RegistrationsPerAddress", "2"), ("RateLimits:TeachPostsPerAddress", "2")));
        using var http = NewClient();
        async Task<HttpStatusCode> StatusAsync(HttpMethod method, string path)
        {
            using var request = new HttpRequestMessage(method, tool.Url(path));
            if (method == HttpMethod.Post) request.Content = new FormUrlEncodedContent([new("title", "x")]);
            using var response = await http.SendAsync(request, Ct);
            return response.StatusCode;
        }

        var registrations = new[] { await StatusAsync(HttpMethod.Get, "/lti/register?secret=wrong"), await StatusAsync(HttpMethod.Get, "/lti/register?secret=wrong"), await StatusAsync(HttpMethod.Post, "/lti/register/confirm") };
        var teachPosts = new[] { await StatusAsync(HttpMethod.Post, "/teach/settings"), await StatusAsync(HttpMethod.Post, "/teach/settings"), await StatusAsync(HttpMethod.Post, "/teach/grades/retry") };
        var teachGets = new[] { await StatusAsync(HttpMethod.Get, "/teach/settings"), await StatusAsync(HttpMethod.Get, "/teach/settings"), await StatusAsync(HttpMethod.Get, "/teach/settings") };

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], registrations);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, teachPosts[0]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, teachPosts[1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, teachPosts[2]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, teachGets);
    }

    [Fact]
    public async Task Registration_pages_for_one_lms_and_course_staff_posts_of_one_platform_are_limited_across_addresses()
    {
        await using var tool = await ToolInstance.StartAsync(With(("ForwardedHeaders:KnownProxies:0", "127.0.0.1"),
            ("RateLimits:RegistrationsPerPlatform", "2"), ("RateLimits:RegistrationsPerAddress", "1000"),
            ("RateLimits:TeachPostsPerPlatform", "2"), ("RateLimits:TeachPostsPerAddress", "1000")));
        using var browser = tool.NewBrowser();
        var session = (await browser.LaunchAsync(tool, user: DevPlatformLaunch.Instructor)).SessionToken;
        using var http = NewClient();
        Task<HttpStatusCode> StatusAsync(HttpRequestMessage request, string address) => ForwardedStatusAsync(http, request, address);
        HttpRequestMessage Register(string lms) =>
            new(HttpMethod.Get, tool.Url($"/lti/register?secret=wrong&openid_configuration={Uri.EscapeDataString($"https://{lms}/openid-configuration")}"));
        HttpRequestMessage TeachPost(string? token) => new(HttpMethod.Post, tool.Url("/teach/settings"))
        {
            Content = new FormUrlEncodedContent(token is null ? [new("title", "x")] : [new("lti_session", token), new("title", "x")]),
        };

        var registrations = new[]
        {
            await StatusAsync(Register("lms-a.example"), "203.0.113.1"), await StatusAsync(Register("LMS-A.example"), "203.0.113.2"),
            await StatusAsync(Register("lms-a.example"), "203.0.113.3"), await StatusAsync(Register("lms-b.example"), "203.0.113.4"),
        };
        var teachPosts = new[]
        {
            await StatusAsync(TeachPost(session), "198.51.100.1"), await StatusAsync(TeachPost(session), "198.51.100.2"),
            await StatusAsync(TeachPost(session), "198.51.100.3"), await StatusAsync(TeachPost(null), "198.51.100.4"),
        };

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests, HttpStatusCode.Forbidden], registrations);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, teachPosts[..2]);
        Assert.Equal(HttpStatusCode.TooManyRequests, teachPosts[2]);
        // A post without a session names no platform: only its address counts.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, teachPosts[3]);
    }

    [Fact]
    public async Task Registration_confirmations_count_against_the_lms_of_their_pending_registration_across_addresses()
    {
        await using var tool = await ToolInstance.StartAsync(With(("ForwardedHeaders:KnownProxies:0", "127.0.0.1"),
            ("RateLimits:RegistrationsPerPlatform", "2"), ("RateLimits:RegistrationsPerAddress", "1000")));
        var lmsA = await PendingRegistrationsAsync(tool, "https://lms-a.example/openid-configuration", 2);
        var lmsB = await PendingRegistrationsAsync(tool, "https://LMS-B.example/openid-configuration", 1);
        using var http = NewClient();
        Task<HttpStatusCode> StatusAsync(HttpRequestMessage request, string address) => ForwardedStatusAsync(http, request, address);
        HttpRequestMessage Cancel(string pending) =>
            new(HttpMethod.Post, tool.Url("/lti/register/confirm")) { Content = new FormUrlEncodedContent([new("pending", pending), new("action", "cancel")]) };

        // One registration page for LMS A, then its two confirmations: the page and the confirmations share A's bucket.
        var page = await StatusAsync(new(HttpMethod.Get, tool.Url($"/lti/register?secret=wrong&openid_configuration={Uri.EscapeDataString("https://lms-a.example/openid-configuration")}")), "203.0.113.1");
        var confirmations = new[]
        {
            await StatusAsync(Cancel(lmsA[0]), "203.0.113.2"), await StatusAsync(Cancel(lmsA[1]), "203.0.113.3"),
            await StatusAsync(Cancel(lmsB[0]), "203.0.113.4"),
        };

        Assert.Equal(HttpStatusCode.Forbidden, page);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], confirmations);
        // The refused confirmation was not claimed: it still waits for its administrator.
        Assert.Null(await tool.QueryAsync(db => db.PendingRegistrations.Where(p => p.Id == lmsA[1]).Select(p => p.CompletedAt).SingleAsync(Ct)));
    }

    private static async Task<HttpStatusCode> ForwardedStatusAsync(HttpClient http, HttpRequestMessage request, string address)
    {
        Forward(request, address);
        var (status, response) = await SendAsync(http, request);
        response.Dispose();
        return status;
    }

    private static async Task<string[]> PendingRegistrationsAsync(ToolInstance tool, string configurationUrl, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))).ToArray();
        await tool.QueryAsync(async db =>
        {
            db.PendingRegistrations.AddRange(ids.Select(id => new Data.Entities.PendingRegistrationEntity
            {
                Id = id,
                OpenIdConfigurationUrl = configurationUrl,
                PlatformConfiguration = "{}",
                CreatedAt = DateTimeOffset.UtcNow,
                ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
            }));
            return await db.SaveChangesAsync(Ct);
        });
        return ids;
    }

    [Fact]
    public async Task Switched_off_rate_limits_refuse_nothing()
    {
        await using var tool = await ToolInstance.StartAsync(With(("RateLimits:Enabled", "false"), ("RateLimits:LaunchesPerAddress", "1")));
        using var http = NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            var (status, response) = await SendAsync(http, Login(tool, "https://unknown.lms.test"));
            response.Dispose();
            statuses.Add(status);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Forbidden, s));
    }

    [Theory]
    [InlineData("RateLimits:LaunchesPerAddress", "0")]
    [InlineData("RateLimits:LaunchesPerPlatform", "-5")]
    [InlineData("RateLimits:RegistrationsPerAddress", "2000000")]
    [InlineData("RateLimits:TeachPostsPerAddress", "0")]
    [InlineData("RateLimits:RegistrationsPerPlatform", "0")]
    [InlineData("RateLimits:TeachPostsPerPlatform", "1000001")]
    public async Task A_rate_limit_out_of_range_stops_startup_naming_the_key(string key, string value) =>
        Assert.Contains(key, await StartupErrorAsync(With((key, value))), StringComparison.Ordinal);
}
