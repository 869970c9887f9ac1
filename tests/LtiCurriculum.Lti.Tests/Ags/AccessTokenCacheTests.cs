using LtiCurriculum.Lti.Ags;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>Tokens cached per platform and scope set until shortly before expiry, one request in flight (notes 1C-52).</summary>
public sealed class AccessTokenCacheTests : IDisposable
{
    private readonly AgsTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Token_is_reused_until_a_minute_before_it_expires()
    {
        Assert.Equal("access-1", await _host.TokenAsync());
        _host.Time.Advance(TimeSpan.FromSeconds(3539));
        Assert.Equal("access-1", await _host.TokenAsync());
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("access-2", await _host.TokenAsync());

        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task Short_lived_token_is_renewed_a_tenth_of_its_lifetime_early()
    {
        _host.TokenEndpoint(_ => Respond.Token("short", 300));

        await _host.TokenAsync();
        _host.Time.Advance(TimeSpan.FromSeconds(269));
        await _host.TokenAsync();
        Assert.Single(_host.TokenRequests);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        await _host.TokenAsync();
        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Theory]
    [InlineData(null, 3540)] // expires_in is optional: an hour
    [InlineData("3600", 3540)] // as a string
    [InlineData(7200.0, 7140)]
    [InlineData(0, 0)] // used once, never cached
    public async Task Expires_in_decides_how_long_the_token_is_reused(object? expiresIn, int reusedForSeconds)
    {
        _host.TokenEndpoint(_ => Respond.Token("t", expiresIn));

        await _host.TokenAsync();
        if (reusedForSeconds > 0)
        {
            _host.Time.Advance(TimeSpan.FromSeconds(reusedForSeconds - 1));
            await _host.TokenAsync();
            Assert.Single(_host.TokenRequests);
            _host.Time.Advance(TimeSpan.FromSeconds(1));
        }
        await _host.TokenAsync();
        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task Scope_order_and_repetition_do_not_make_a_new_token()
    {
        await _host.TokenAsync(AgsTestHost.ScoreScope, AgsTestHost.LineItemScope, AgsTestHost.ScoreScope);
        await _host.TokenAsync(AgsTestHost.LineItemScope, AgsTestHost.ScoreScope);

        var sent = Assert.Single(_host.TokenRequests);
        Assert.Equal($"{AgsTestHost.LineItemScope} {AgsTestHost.ScoreScope}", sent.Form["scope"]);
    }

    [Fact]
    public async Task Each_platform_and_scope_set_has_its_own_token()
    {
        var other = AgsTestHost.Platform with { PlatformId = 2, ClientId = "other-client" };

        var a = await _host.TokenAsync(AgsTestHost.ScoreScope);
        var b = await _host.TokenAsync(AgsTestHost.ScoreScope, AgsTestHost.ResultScope);
        var c = await _host.Tokens.GetAsync(other, [AgsTestHost.ScoreScope], _host.Cancellation);

        Assert.Equal(3, new[] { a, b, c }.Distinct().Count());
        Assert.Equal(3, _host.TokenRequests.Count);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    public async Task Token_type_is_compared_without_case(string tokenType)
    {
        _host.TokenEndpoint(_ => Respond.Token("t", 3600, tokenType));

        Assert.Equal("t", await _host.TokenAsync());
    }

    [Theory]
    [InlineData("mac")]
    [InlineData("DPoP")]
    [InlineData(null)]
    public async Task Token_type_other_than_bearer_is_refused(string? tokenType)
    {
        _host.TokenEndpoint(_ => Respond.Token("t", 3600, tokenType));

        var failure = await AgsAssert.FailsAsync(() => _host.TokenAsync().AsTask(), transient: false, status: 200);

        Assert.True(failure.FromTokenEndpoint);
        Assert.Null(failure.PlatformBody); // a token response body holds a token
    }

    [Theory]
    [InlineData("""{"token_type":"Bearer","expires_in":3600}""")]
    [InlineData("""{"access_token":"","token_type":"Bearer"}""")]
    [InlineData("<html>login</html>")]
    [InlineData("null")]
    public async Task Response_without_an_access_token_is_refused(string json)
    {
        _host.TokenEndpoint(_ => Respond.Json(json));

        var failure = await AgsAssert.FailsAsync(() => _host.TokenAsync().AsTask(), transient: false, status: 200);

        Assert.True(failure.FromTokenEndpoint);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_token_request()
    {
        _host.Lms.Hold(AgsTestHost.TokenUrl);

        var callers = Enumerable.Range(0, 20).Select(_ => _host.TokenAsync().AsTask()).ToList();
        await _host.Lms.EnteredHold.WaitAsync(_host.Cancellation);
        _host.Lms.Release(AgsTestHost.TokenUrl);
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, t => Assert.Equal("access-1", t));
        Assert.Single(_host.TokenRequests);
    }

    [Fact]
    public async Task Failed_token_request_is_not_cached()
    {
        _host.TokenEndpoint(_ => Respond.Status(503), _ => Respond.Token("second"));

        await AgsAssert.FailsAsync(() => _host.TokenAsync().AsTask(), transient: true, status: 503);
        Assert.Equal("second", await _host.TokenAsync());

        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task Concurrent_callers_share_a_failure_and_the_next_caller_asks_again()
    {
        _host.TokenEndpoint(_ => Respond.Status(502), _ => Respond.Token("recovered"));
        _host.Lms.Hold(AgsTestHost.TokenUrl);

        var callers = Enumerable.Range(0, 5).Select(_ => _host.TokenAsync().AsTask()).ToList();
        await _host.Lms.EnteredHold.WaitAsync(_host.Cancellation);
        _host.Lms.Release(AgsTestHost.TokenUrl);
        foreach (var caller in callers)
        {
            await AgsAssert.FailsAsync(() => caller, transient: true, status: 502);
        }

        Assert.Equal("recovered", await _host.TokenAsync());
        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task Caller_that_gives_up_does_not_cancel_the_shared_request()
    {
        _host.Lms.Hold(AgsTestHost.TokenUrl);
        using var impatient = CancellationTokenSource.CreateLinkedTokenSource(_host.Cancellation);

        var givingUp = _host.Tokens.GetAsync(AgsTestHost.Platform, [AgsTestHost.ScoreScope], impatient.Token).AsTask();
        var waiting = _host.TokenAsync().AsTask();
        await _host.Lms.EnteredHold.WaitAsync(_host.Cancellation);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givingUp);
        _host.Lms.Release(AgsTestHost.TokenUrl);

        Assert.Equal("access-1", await waiting);
        Assert.Single(_host.TokenRequests);
    }

    [Fact]
    public async Task Invalidate_drops_the_token_only_while_it_is_still_cached()
    {
        var first = await _host.TokenAsync();
        _host.Tokens.Invalidate(AgsTestHost.Platform, [AgsTestHost.ScoreScope], first);
        var second = await _host.TokenAsync();

        _host.Tokens.Invalidate(AgsTestHost.Platform, [AgsTestHost.ScoreScope], first); // a late 401 for the old token
        Assert.Equal(second, await _host.TokenAsync());
        Assert.Equal(["access-1", "access-2"], [first, second]);
        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task Invalidate_of_another_scope_set_leaves_the_token_alone()
    {
        var token = await _host.TokenAsync(AgsTestHost.ScoreScope);

        _host.Tokens.Invalidate(AgsTestHost.Platform, [AgsTestHost.ResultScope], token);

        Assert.Equal(token, await _host.TokenAsync(AgsTestHost.ScoreScope));
    }

    [Fact]
    public async Task No_scope_is_a_programming_error()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _host.Tokens.GetAsync(AgsTestHost.Platform, [], _host.Cancellation).AsTask());
        Assert.Empty(_host.TokenRequests);
    }
}
