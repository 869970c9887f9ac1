using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>The state step: LTI-NOTES 1A-11 (state unguessable, browser-bound, single use, short TTL) and 1A-13.</summary>
public sealed class StateStepTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<(LoginSession Session, string IdToken)> SignedLaunchAsync()
    {
        var session = await _host.LoginAsync();
        return (session, IdToken.Sign(_host.ResourceLinkClaims(session), TestKey.Primary));
    }

    [Fact] // 1A-13
    public async Task Launch_without_state_is_rejected()
    {
        var (session, token) = await SignedLaunchAsync();

        var result = await _host.LaunchAsync(new LaunchRequest(token, null, session.BrowserBinding));

        LaunchAssert.Failed(result, "state_missing", 400);
        Assert.Equal("state", result.FailedStep);
    }

    [Fact] // 1A-13
    public async Task Launch_with_empty_state_is_rejected()
    {
        var (session, token) = await SignedLaunchAsync();

        var result = await _host.LaunchAsync(new LaunchRequest(token, "", session.BrowserBinding));

        LaunchAssert.Failed(result, "state_missing", 400);
    }

    [Fact] // 1A-11: the state is bound to the browser by a cookie
    public async Task Launch_without_the_state_cookie_is_rejected()
    {
        var (session, token) = await SignedLaunchAsync();

        var result = await _host.LaunchAsync(new LaunchRequest(token, session.State, BrowserBinding: null));

        LaunchAssert.Failed(result, "state_not_in_browser", 401);
    }

    [Fact] // 1A-11: a missing cookie does not burn the state, so the same browser can still finish
    public async Task Missing_cookie_does_not_consume_the_state()
    {
        var (session, token) = await SignedLaunchAsync();
        await _host.LaunchAsync(new LaunchRequest(token, session.State, BrowserBinding: null));

        LaunchAssert.Succeeded(await _host.LaunchAsync(session, token));
    }

    [Fact] // 1A-11: login CSRF — a state started in another browser
    public async Task Launch_with_another_browsers_binding_is_rejected()
    {
        var (session, token) = await SignedLaunchAsync();
        var otherBrowser = await _host.LoginAsync();

        var result = await _host.LaunchAsync(new LaunchRequest(token, session.State, otherBrowser.BrowserBinding));

        LaunchAssert.Failed(result, "state_browser_mismatch", 401);
    }

    [Fact] // 1A-11: a state tried from the wrong browser is gone for good
    public async Task Mismatched_binding_burns_the_state()
    {
        var (session, token) = await SignedLaunchAsync();
        await _host.LaunchAsync(new LaunchRequest(token, session.State, OpaqueTokens.NewToken()));

        var result = await _host.LaunchAsync(session, token);

        LaunchAssert.Failed(result, "state_unknown", 401);
    }

    [Fact] // 1A-11: single use
    public async Task State_cannot_be_used_twice()
    {
        var (session, token) = await SignedLaunchAsync();
        LaunchAssert.Succeeded(await _host.LaunchAsync(session, token));

        var result = await _host.LaunchAsync(session, token);

        LaunchAssert.Failed(result, "state_unknown", 401);
    }

    [Fact] // 1A-11: short TTL
    public async Task Expired_state_is_rejected()
    {
        var session = await _host.LoginAsync();
        _host.Time.Advance(_host.Options.LoginStateLifetime + TimeSpan.FromSeconds(1));
        var token = IdToken.Sign(_host.ResourceLinkClaims(session), TestKey.Primary); // a fresh token: only the state is old

        var result = await _host.LaunchAsync(session, token);

        LaunchAssert.Failed(result, "state_unknown", 401);
    }

    [Fact] // 1A-11: the other side of the TTL boundary
    public async Task State_just_inside_its_lifetime_is_accepted()
    {
        var session = await _host.LoginAsync();
        _host.Time.Advance(_host.Options.LoginStateLifetime - TimeSpan.FromSeconds(1));
        var token = IdToken.Sign(_host.ResourceLinkClaims(session), TestKey.Primary);

        LaunchAssert.Succeeded(await _host.LaunchAsync(session, token));
    }

    [Fact] // 1A-13
    public async Task State_never_issued_is_rejected()
    {
        var (session, token) = await SignedLaunchAsync();

        var result = await _host.LaunchAsync(new LaunchRequest(token, OpaqueTokens.NewToken(), session.BrowserBinding));

        LaunchAssert.Failed(result, "state_unknown", 401);
    }

    [Theory] // 1A-13: junk in the state field is refused before any lookup
    [InlineData("not a token")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("abc.def")]
    public async Task Malformed_state_is_rejected(string state)
    {
        var (session, token) = await SignedLaunchAsync();

        var result = await _host.LaunchAsync(new LaunchRequest(token, state, session.BrowserBinding));

        LaunchAssert.Failed(result, "state_unknown", 401);
        LaunchAssert.Succeeded(await _host.LaunchAsync(session, token)); // the real state was not touched
    }

    [Fact] // 1A-13
    public async Task Oversized_state_is_rejected()
    {
        var (session, token) = await SignedLaunchAsync();

        var result = await _host.LaunchAsync(new LaunchRequest(token, new string('a', 10_000), session.BrowserBinding));

        LaunchAssert.Failed(result, "state_unknown", 401);
    }

    [Fact] // 1A-11: atomic consumption — two tabs (or two instances) posting the same state
    public async Task Concurrent_launches_with_one_state_succeed_once()
    {
        var (session, token) = await SignedLaunchAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _host.LaunchAsync(session, token), TestContext.Current.CancellationToken)));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("state_unknown", r.Failure!.Code));
    }
}
