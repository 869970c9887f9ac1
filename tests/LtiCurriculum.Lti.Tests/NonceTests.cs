using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>The nonce step (1A-12, 1A-20): present, the one stored for this state, usable once.</summary>
public sealed class NonceTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact] // 1A-20: the same id_token posted again with the same state
    public async Task Replayed_token_with_the_same_state_is_rejected()
    {
        var session = await _host.LoginAsync();
        var token = IdToken.Sign(_host.ResourceLinkClaims(session), TestKey.Primary);
        LaunchAssert.Succeeded(await _host.LaunchAsync(session, token));

        var result = await _host.LaunchAsync(session, token);

        LaunchAssert.Failed(result, "state_unknown", 401);
    }

    [Fact] // 1A-20: the same id_token replayed under a freshly started login
    public async Task Replayed_nonce_is_rejected()
    {
        var session = await _host.LoginAsync();
        var token = IdToken.Sign(_host.ResourceLinkClaims(session), TestKey.Primary);
        LaunchAssert.Succeeded(await _host.LaunchAsync(session, token));
        var freshLogin = await _host.LoginAsync();

        var result = await _host.LaunchAsync(freshLogin, token);

        LaunchAssert.Failed(result, "nonce_mismatch", 401);
        Assert.Equal("nonce", result.FailedStep);
    }

    [Fact] // 1A-20: a token captured before it was ever used, replayed under the attacker's own login
    public async Task Token_issued_for_another_login_is_rejected()
    {
        var victim = await _host.LoginAsync();
        var token = IdToken.Sign(_host.ResourceLinkClaims(victim), TestKey.Primary);
        var attacker = await _host.LoginAsync();

        var result = await _host.LaunchAsync(attacker, token);

        LaunchAssert.Failed(result, "nonce_mismatch", 401);
    }

    [Fact] // 1A-20
    public async Task Token_without_nonce_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims.Remove("nonce"));

        LaunchAssert.Failed(result, "nonce_missing", 401);
    }

    [Fact] // 1A-20
    public async Task Token_with_empty_nonce_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims["nonce"] = "");

        LaunchAssert.Failed(result, "nonce_missing", 401);
    }

    [Fact] // 1A-20: nonces are compared exactly
    public async Task Nonce_differing_in_one_character_is_rejected()
    {
        var result = await _host.LaunchAsync(claims =>
        {
            var nonce = (string)claims["nonce"];
            claims["nonce"] = (nonce[0] == 'A' ? "B" : "A") + nonce[1..];
        });

        LaunchAssert.Failed(result, "nonce_mismatch", 401);
    }
}
