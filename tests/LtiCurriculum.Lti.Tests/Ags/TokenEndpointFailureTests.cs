using LtiCurriculum.Lti.Ags;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>What a failed token request tells the caller and the logs.</summary>
public sealed class TokenEndpointFailureTests : IDisposable
{
    private readonly AgsTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(400, """{"error":"invalid_client"}""")]
    [InlineData(400, """{"error":"invalid_scope"}""")]
    [InlineData(400, """{"error":"invalid_request","error_description":"the 'aud' is invalid"}""")]
    [InlineData(401, """{"error":"invalid_client"}""")]
    [InlineData(403, "Forbidden")]
    public async Task Refused_credentials_are_permanent_and_keep_the_platform_body(int status, string body)
    {
        _host.TokenEndpoint(_ => Respond.Status(status, body));

        var failure = await AgsAssert.FailsAsync(() => _host.TokenAsync().AsTask(), transient: false, status);

        Assert.True(failure.FromTokenEndpoint);
        Assert.Equal(body, failure.PlatformBody);
        Assert.Null(failure.RetryAfter);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Token_endpoint_outage_is_transient(int status)
    {
        _host.TokenEndpoint(_ => Respond.Status(status, "busy"));

        var failure = await AgsAssert.FailsAsync(() => _host.TokenAsync().AsTask(), transient: true, status);

        Assert.True(failure.FromTokenEndpoint);
        Assert.Equal("busy", failure.PlatformBody);
    }

    [Fact] // Canvas rate-limits its token endpoint
    public async Task Token_endpoint_retry_after_is_honoured()
    {
        _host.TokenEndpoint(_ => Respond.Status(429).WithHeader("Retry-After", "30"));

        var failure = await AgsAssert.FailsAsync(() => _host.TokenAsync().AsTask(), transient: true, status: 429);

        Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
    }

    public static TheoryData<string> NetworkFailures => ["refused", "timeout", "reset"];

    [Theory]
    [MemberData(nameof(NetworkFailures))]
    public async Task Unreachable_token_endpoint_is_transient(string kind)
    {
        _host.TokenEndpoint(_ => throw Network(kind));

        var failure = await AgsAssert.FailsAsync(() => _host.TokenAsync().AsTask(), transient: true, status: null);

        Assert.True(failure.FromTokenEndpoint);
        Assert.Null(failure.PlatformBody);
    }

    [Fact]
    public async Task Platform_body_is_cut_to_2000_characters()
    {
        var body = new string('x', 1990) + new string('y', 5000);
        _host.TokenEndpoint(_ => Respond.Status(400, body));

        var failure = await AgsAssert.FailsAsync(() => _host.TokenAsync().AsTask(), transient: false, status: 400);

        Assert.Equal(body[..2000], failure.PlatformBody);
        var logged = Assert.Single(_host.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(body[..2000], logged.Message);
        Assert.DoesNotContain(body[..2001], logged.Message);
    }

    [Fact]
    public async Task Refusal_is_logged_with_status_and_body()
    {
        _host.TokenEndpoint(_ => Respond.Status(400, """{"error":"invalid_scope"}"""));

        await Assert.ThrowsAsync<AgsException>(() => _host.TokenAsync().AsTask());

        var logged = Assert.Single(_host.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("400", logged.Message);
        Assert.Contains("invalid_scope", logged.Message);
        Assert.Contains(AgsTestHost.TokenUrl, logged.Message);
    }

    internal static Exception Network(string kind) => kind switch
    {
        "refused" => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (lms.example:443)"),
        // What HttpClient throws when its Timeout elapses.
        "timeout" => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 15 seconds elapsing.", new TimeoutException()),
        "reset" => new IOException("Unable to read data from the transport connection: Connection reset by peer."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
