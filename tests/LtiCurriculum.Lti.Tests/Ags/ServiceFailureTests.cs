using System.Net;
using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Tests.Harness;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>How service answers map to success, transient and permanent failures; the 401 refresh; response size.</summary>
public sealed class ServiceFailureTests : IDisposable
{
    private const string ScoresUrl = AgsTestHost.LineItemUrl + "/scores";
    private readonly AgsTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private static readonly Score Graded = new()
    {
        UserId = "u1", ScoreGiven = 1, ScoreMaximum = 2, Timestamp = AgsTestHost.Start,
        ActivityProgress = ActivityProgress.Completed, GradingProgress = GradingProgress.FullyGraded,
    };

    private Task PostAsync(CancellationToken? cancellation = null) =>
        _host.Client.PostScoreAsync(AgsTestHost.Access(), AgsTestHost.LineItemUrl, Graded, cancellation ?? _host.Cancellation);

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Platform_outage_is_transient(int status)
    {
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(status, "try later"));

        var failure = await AgsAssert.FailsAsync(() => PostAsync(), transient: true, status);

        Assert.False(failure.FromTokenEndpoint);
        Assert.Equal("try later", failure.PlatformBody);
    }

    [Theory]
    [InlineData(400, "Incorrect score received")] // Moodle: user not gradable, bad timestamp...
    [InlineData(403, "")]
    [InlineData(404, "Not Found: Grade item 31 doesn't exist.")]
    [InlineData(405, "")]
    [InlineData(409, "Refusing score with an earlier timestamp")]
    [InlineData(412, "")]
    [InlineData(422, """{"errors":{"type":"unprocessable_entity","message":"User not found in course or is not a student"}}""")]
    [InlineData(302, "")] // redirects are not followed
    public async Task Refused_request_is_permanent(int status, string body)
    {
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(status, body));

        var failure = await AgsAssert.FailsAsync(() => PostAsync(), transient: false, status);

        Assert.Equal(body, failure.PlatformBody);
        Assert.Null(failure.RetryAfter);
    }

    [Theory]
    [InlineData(429, "120", 120)]
    [InlineData(503, "0", 0)]
    [InlineData(503, "86400", 86400)]
    public async Task Retry_after_seconds_is_honoured(int status, string header, int seconds)
    {
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(status).WithHeader("Retry-After", header));

        var failure = await AgsAssert.FailsAsync(() => PostAsync(), transient: true, status);

        Assert.Equal(TimeSpan.FromSeconds(seconds), failure.RetryAfter);
    }

    [Fact]
    public async Task Retry_after_http_date_is_honoured()
    {
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(503).WithHeader("Retry-After", "Mon, 02 Mar 2026 09:12:30 GMT"));

        var failure = await AgsAssert.FailsAsync(() => PostAsync(), transient: true, status: 503);

        Assert.Equal(TimeSpan.FromSeconds(150), failure.RetryAfter);
    }

    [Fact]
    public async Task Retry_after_date_in_the_past_means_now()
    {
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(429).WithHeader("Retry-After", "Sun, 01 Mar 2026 09:00:00 GMT"));

        var failure = await AgsAssert.FailsAsync(() => PostAsync(), transient: true, status: 429);

        Assert.Equal(TimeSpan.Zero, failure.RetryAfter);
    }

    [Theory]
    [InlineData(500, "30")]
    [InlineData(429, "soon")]
    [InlineData(429, null)]
    public async Task Retry_after_only_counts_on_429_and_503_when_readable(int status, string? header)
    {
        _host.Lms.Post(ScoresUrl, _ => header is null ? Respond.Status(status) : Respond.Status(status).WithHeader("Retry-After", header));

        var failure = await AgsAssert.FailsAsync(() => PostAsync(), transient: true, status);

        Assert.Null(failure.RetryAfter);
    }

    [Theory]
    [MemberData(nameof(TokenEndpointFailureTests.NetworkFailures), MemberType = typeof(TokenEndpointFailureTests))]
    public async Task Unreachable_service_is_transient(string kind)
    {
        _host.Lms.Post(ScoresUrl, _ => throw TokenEndpointFailureTests.Network(kind));

        var failure = await AgsAssert.FailsAsync(() => PostAsync(), transient: true, status: null);

        Assert.False(failure.FromTokenEndpoint);
        Assert.NotNull(failure.InnerException);
    }

    [Fact]
    public async Task Connection_lost_while_reading_a_page_is_transient()
    {
        _host.Lms.Get(AgsTestHost.LineItemUrl, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new FailingContent() });

        await AgsAssert.FailsAsync(() => _host.Client.GetLineItemAsync(AgsTestHost.Access(), AgsTestHost.LineItemUrl, _host.Cancellation), transient: true, status: null);
    }

    [Fact]
    public async Task Callers_cancellation_is_not_turned_into_a_platform_failure()
    {
        await _host.TokenAsync(AgsTestHost.LineItemScope, AgsTestHost.LineItemReadOnlyScope, AgsTestHost.ResultScope, AgsTestHost.ScoreScope);
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(200));
        _host.Lms.Hold(ScoresUrl);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_host.Cancellation);

        var posting = PostAsync(cancellation.Token);
        await _host.Lms.EnteredHold.WaitAsync(_host.Cancellation);
        await cancellation.CancelAsync();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting);
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
    }

    [Fact]
    public async Task Platform_body_is_logged_at_warning()
    {
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(422, "User not found in course"));

        await Assert.ThrowsAsync<AgsException>(() => PostAsync());

        var logged = Assert.Single(_host.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("422", logged.Message);
        Assert.Contains("User not found in course", logged.Message);
        Assert.Contains(ScoresUrl, logged.Message);
        Assert.DoesNotContain("access-1", _host.Logs.AllText);
    }

    [Fact]
    public async Task First_401_refreshes_the_token_and_retries_once()
    {
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(401, "token expired"), _ => Respond.Status(200));

        await PostAsync();

        Assert.Equal(["Bearer access-1", "Bearer access-2"], _host.Lms.To(ScoresUrl).Select(r => r.Authorization));
        Assert.Equal(2, _host.TokenRequests.Count);
        Assert.Equal(_host.Lms.To(ScoresUrl)[0].Body, _host.Lms.To(ScoresUrl)[1].Body);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Level >= LogLevel.Warning); // recovered: not a failure
        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains("token expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Second_401_is_transient()
    {
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(401, "nope"));

        var failure = await AgsAssert.FailsAsync(() => PostAsync(), transient: true, status: 401);

        Assert.Equal("nope", failure.PlatformBody);
        Assert.False(failure.FromTokenEndpoint);
        Assert.Equal(2, _host.Lms.To(ScoresUrl).Count);
        Assert.Equal(2, _host.TokenRequests.Count);
        Assert.Single(_host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_refused_during_the_refresh_is_a_token_endpoint_failure()
    {
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(401));
        _host.TokenEndpoint(_ => Respond.Token("first"), _ => Respond.Status(400, """{"error":"invalid_client"}"""));

        var failure = await AgsAssert.FailsAsync(() => PostAsync(), transient: false, status: 400);

        Assert.True(failure.FromTokenEndpoint);
    }

    [Fact]
    public async Task One_token_covers_all_calls()
    {
        _host.Lms.Get(AgsTestHost.LineItemUrl, _ => Respond.Json("""{"id":"x","label":"l","scoreMaximum":1}"""));
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(200));
        _host.Lms.Get(AgsTestHost.LineItemUrl + "/results?limit=100", _ => Respond.Json("[]"));
        _host.Lms.Get(AgsTestHost.ContainerUrl + "?resource_link_id=x&limit=100", _ => Respond.Json("""[{"id":"x","resourceLinkId":"x","scoreMaximum":1}]"""));
        var access = AgsTestHost.Access();

        await _host.Client.GetLineItemAsync(access, AgsTestHost.LineItemUrl, _host.Cancellation);
        await _host.Client.PostScoreAsync(access, AgsTestHost.LineItemUrl, Graded, _host.Cancellation);
        await _host.Client.GetResultsAsync(access, AgsTestHost.LineItemUrl, null, _host.Cancellation);
        await _host.Client.FindOrCreateLineItemAsync(access, AgsTestHost.ContainerUrl, new LineItemQuery("x", null, null), new LineItem { Label = "l", ScoreMaximum = 1 }, _host.Cancellation);

        var token = Assert.Single(_host.TokenRequests);
        Assert.Equal( // granted ∩ AGS scopes, sorted; the NRPS scope is not asked for
            $"{AgsTestHost.LineItemScope} {AgsTestHost.LineItemReadOnlyScope} {AgsTestHost.ResultScope} {AgsTestHost.ScoreScope}",
            token.Form["scope"]);
    }

    [Fact]
    public async Task Response_larger_than_4_MB_is_refused()
    {
        var huge = "[" + string.Join(",", Enumerable.Repeat("""{"userId":"u"}""", 4 * 1024 * 1024 / 14 + 10)) + "]";
        _host.Lms.Get(AgsTestHost.LineItemUrl + "/results?limit=100", _ => Respond.Json(huge));

        var failure = await AgsAssert.FailsAsync(() => _host.Client.GetResultsAsync(AgsTestHost.Access(), AgsTestHost.LineItemUrl, null, _host.Cancellation), transient: false, status: 200);

        Assert.Contains("too large", failure.Message);
    }

    [Fact]
    public async Task Response_of_unknown_length_is_cut_off_after_4_MB()
    {
        var body = new byte[4 * 1024 * 1024 + 1];
        _host.Lms.Get(AgsTestHost.LineItemUrl, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnknownLengthContent(body) });

        var failure = await AgsAssert.FailsAsync(() => _host.Client.GetLineItemAsync(AgsTestHost.Access(), AgsTestHost.LineItemUrl, _host.Cancellation), transient: false, status: 200);

        Assert.Contains("too large", failure.Message);
    }

    [Fact]
    public async Task Response_of_exactly_4_MB_is_read()
    {
        var json = "[" + new string(' ', 4 * 1024 * 1024 - 2) + "]";
        _host.Lms.Get(AgsTestHost.LineItemUrl + "/results?limit=100", _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnknownLengthContent(System.Text.Encoding.UTF8.GetBytes(json)) });

        Assert.Empty(await _host.Client.GetResultsAsync(AgsTestHost.Access(), AgsTestHost.LineItemUrl, null, _host.Cancellation));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/lineitem")]
    [InlineData("file:///etc/passwd")]
    public async Task Service_url_that_is_not_http_is_permanent(string url)
    {
        await AgsAssert.FailsAsync(() => _host.Client.GetLineItemAsync(AgsTestHost.Access(), url, _host.Cancellation), transient: false, status: null);

        Assert.Empty(_host.Lms.Requests);
    }

    /// <summary>Headers arrived, then the connection dropped.</summary>
    private sealed class FailingContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            throw new IOException("The response ended prematurely.");

        protected override Task<Stream> CreateContentReadStreamAsync() => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
