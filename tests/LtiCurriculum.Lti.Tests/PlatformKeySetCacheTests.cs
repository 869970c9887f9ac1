using System.Text;
using System.Text.Json.Nodes;
using LtiCurriculum.Lti.Keys;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>
/// The platform key cache (1A-15): cache by kid, one rate-limited refetch on an unknown kid, stale keys
/// while the platform is down, one fetch for many concurrent launches, only RSA signing keys.
/// </summary>
public sealed class PlatformKeySetCacheTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private ValueTask<PlatformKeyLookup> FindAsync(string keyId) =>
        _host.KeySets.FindAsync(LtiTestHost.JwksUri, keyId, TestContext.Current.CancellationToken);

    private async Task<LaunchResult> LaunchSignedWithAsync(TestKey key)
    {
        var session = await _host.LoginAsync();
        return await _host.LaunchAsync(session, IdToken.Sign(_host.ResourceLinkClaims(session), key));
    }

    [Fact] // 1A-15: cache by kid
    public async Task Keys_are_cached_between_launches()
    {
        LaunchAssert.Succeeded(await _host.LaunchAsync());
        _host.Time.Advance(TimeSpan.FromHours(1));
        LaunchAssert.Succeeded(await _host.LaunchAsync());

        Assert.Equal(1, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: key rotation — an unknown kid triggers exactly one refetch, which finds the new key
    public async Task Unknown_kid_triggers_one_refetch_and_succeeds_after_rotation()
    {
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Primary));
        _host.Jwks.ServeKeys(TestKey.Primary, TestKey.Rotated);
        _host.Time.Advance(_host.Options.JwksRefetchInterval + TimeSpan.FromSeconds(1));

        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Rotated));
        Assert.Equal(2, _host.Jwks.Calls);

        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Rotated));
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Primary));
        Assert.Equal(2, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: rate limited — a flood of forged kids cannot make the tool hammer the platform
    public async Task Burst_of_unknown_kids_within_the_refetch_interval_causes_at_most_one_fetch()
    {
        Assert.Equal(PlatformKeyStatus.Found, (await FindAsync(TestKey.Primary.KeyId)).Status);
        _host.Time.Advance(_host.Options.JwksRefetchInterval + TimeSpan.FromSeconds(1));

        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(PlatformKeyStatus.UnknownKeyId, (await FindAsync($"forged-{i}")).Status);
            _host.Time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal(2, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: the same through the launch pipeline
    public async Task Burst_of_launches_with_unknown_kids_fetches_once()
    {
        for (var i = 0; i < 5; i++)
        {
            LaunchAssert.Failed(await LaunchSignedWithAsync(TestKey.Attacker), "kid_unknown", 401);
        }

        Assert.Equal(1, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: once the interval has passed a new fetch is allowed
    public async Task After_the_refetch_interval_an_unknown_kid_fetches_again()
    {
        await FindAsync(TestKey.Primary.KeyId);
        await FindAsync("forged-1"); // too soon: rate limited
        Assert.Equal(1, _host.Jwks.Calls);

        _host.Time.Advance(_host.Options.JwksRefetchInterval);
        _host.Jwks.ServeKeys(TestKey.Primary, TestKey.Rotated);

        Assert.Equal(PlatformKeyStatus.Found, (await FindAsync(TestKey.Rotated.KeyId)).Status);
        Assert.Equal(2, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: a rotation seen within the interval is refused, not waited for
    public async Task Rotated_key_within_the_refetch_interval_is_unknown()
    {
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Primary));
        _host.Jwks.ServeKeys(TestKey.Rotated);

        LaunchAssert.Failed(await LaunchSignedWithAsync(TestKey.Rotated), "kid_unknown", 401);
        Assert.Equal(1, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: the cache lifetime ends and the set is fetched again, dropping retired keys
    public async Task Key_set_is_fetched_again_after_its_lifetime()
    {
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Primary));
        _host.Jwks.ServeKeys(TestKey.Rotated);
        _host.Time.Advance(_host.Options.JwksCacheLifetime);

        LaunchAssert.Failed(await LaunchSignedWithAsync(TestKey.Primary), "kid_unknown", 401);
        Assert.Equal(2, _host.Jwks.Calls);
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Rotated));
        Assert.Equal(2, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: stale keys beat no keys while the platform's key endpoint is down
    public async Task Stale_keys_keep_working_when_a_refresh_fails()
    {
        LaunchAssert.Succeeded(await _host.LaunchAsync());
        _host.Time.Advance(_host.Options.JwksCacheLifetime + TimeSpan.FromMinutes(1));
        _host.Jwks.Fail(JwksOutage.ServerError);

        LaunchAssert.Succeeded(await _host.LaunchAsync());

        Assert.Equal(2, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: while the endpoint is down, stale keys answer without one (slow, failing) fetch per launch
    public async Task Stale_keys_are_served_without_a_fetch_per_launch_while_the_endpoint_is_down()
    {
        LaunchAssert.Succeeded(await _host.LaunchAsync());
        _host.Time.Advance(_host.Options.JwksCacheLifetime + TimeSpan.FromMinutes(1));
        _host.Jwks.Fail(JwksOutage.Timeout);

        for (var i = 0; i < 5; i++)
        {
            LaunchAssert.Succeeded(await _host.LaunchAsync());
            _host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        // One refresh attempt after the lifetime; the next may come only after JwksRefetchInterval.
        Assert.Equal(2, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: a failed first fetch is not retried within the interval, then is
    public async Task Failed_first_fetch_is_retried_only_after_the_refetch_interval()
    {
        _host.Jwks.Fail(JwksOutage.ConnectionRefused);
        Assert.Equal(PlatformKeyStatus.KeySetUnavailable, (await FindAsync(TestKey.Primary.KeyId)).Status);
        Assert.Equal(PlatformKeyStatus.KeySetUnavailable, (await FindAsync(TestKey.Primary.KeyId)).Status);
        Assert.Equal(1, _host.Jwks.Calls);

        _host.Jwks.ServeKeys(TestKey.Primary);
        _host.Time.Advance(_host.Options.JwksRefetchInterval);

        Assert.Equal(PlatformKeyStatus.Found, (await FindAsync(TestKey.Primary.KeyId)).Status);
        Assert.Equal(2, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: twenty launches arriving together while the cache is cold share one fetch
    public async Task Concurrent_first_launches_share_one_fetch()
    {
        var tokens = new List<(LoginSession Session, string Token)>();
        for (var i = 0; i < 20; i++)
        {
            var session = await _host.LoginAsync();
            tokens.Add((session, IdToken.Sign(_host.ResourceLinkClaims(session), TestKey.Primary)));
        }
        var release = _host.Jwks.HoldResponses();

        // Started without awaiting: the first holds the fetch open, the other nineteen queue behind it.
        var launches = tokens.Select(t => _host.LaunchAsync(t.Session, t.Token)).ToList();
        await _host.Jwks.Entered.WaitAsync(TestContext.Current.CancellationToken);
        Assert.All(launches, l => Assert.False(l.IsCompleted));
        release.SetResult();
        var results = await Task.WhenAll(launches);

        Assert.All(results, r => LaunchAssert.Succeeded(r));
        Assert.Equal(1, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: only RSA signing keys for RS256 are launch keys
    public async Task Non_rsa_and_encryption_keys_are_ignored()
    {
        var ec = new JsonObject
        {
            ["kty"] = "EC", ["kid"] = "ec-key", ["use"] = "sig", ["crv"] = "P-256",
            ["x"] = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", ["y"] = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
        };
        var symmetric = new JsonObject { ["kty"] = "oct", ["kid"] = "oct-key", ["k"] = "c2VjcmV0" };
        _host.Jwks.ServeJson(Jwks.Of(
            ec,
            symmetric,
            TestKey.Rotated.Jwk(keyId: "enc-key", use: "enc"),
            TestKey.Rotated.Jwk(keyId: "rs512-key", alg: "RS512"),
            TestKey.Primary.Jwk(use: null, alg: null)));

        Assert.Equal(PlatformKeyStatus.Found, (await FindAsync(TestKey.Primary.KeyId)).Status);
        Assert.Equal(PlatformKeyStatus.UnknownKeyId, (await FindAsync("ec-key")).Status);
        Assert.Equal(PlatformKeyStatus.UnknownKeyId, (await FindAsync("oct-key")).Status);
        Assert.Equal(PlatformKeyStatus.UnknownKeyId, (await FindAsync("enc-key")).Status);
        Assert.Equal(PlatformKeyStatus.UnknownKeyId, (await FindAsync("rs512-key")).Status);
    }

    [Fact] // 1A-15: an encryption key published under the signing kid does not verify launches
    public async Task Launch_signed_with_a_key_published_for_encryption_is_refused()
    {
        _host.Jwks.ServeJson(Jwks.Of(TestKey.Primary.Jwk(use: "enc")));

        LaunchAssert.Failed(await _host.LaunchAsync(), "kid_unknown", 401);
    }

    [Fact] // 1A-15: one broken entry (bad base64url modulus) must not hide the platform's good keys
    public async Task Malformed_key_does_not_hide_the_other_keys()
    {
        var broken = TestKey.Rotated.Jwk();
        broken["n"] = "***not base64url***";
        _host.Jwks.ServeJson(Jwks.Of(broken, TestKey.Primary.Jwk()));

        Assert.Equal(PlatformKeyStatus.Found, (await FindAsync(TestKey.Primary.KeyId)).Status);
    }

    [Fact] // 1A-15: an oversized key set is refused (declared length)
    public async Task Oversized_key_set_is_refused()
    {
        _host.Jwks.ServeJson(OversizedKeySet());

        LaunchAssert.Failed(await _host.LaunchAsync(), "platform_jwks_unavailable", 502);
    }

    [Fact] // 1A-15: an oversized key set is refused (chunked, no declared length)
    public async Task Oversized_key_set_without_content_length_is_refused()
    {
        var body = Encoding.UTF8.GetBytes(OversizedKeySet());
        _host.Jwks.Serve(() => new UnknownLengthContent(body));

        Assert.Equal(PlatformKeyStatus.KeySetUnavailable, (await FindAsync(TestKey.Primary.KeyId)).Status);
    }

    [Fact] // 1A-15: a key set without declared length but within the limit is read
    public async Task Key_set_without_content_length_is_read()
    {
        var body = Encoding.UTF8.GetBytes(Jwks.Of(TestKey.Primary));
        _host.Jwks.Serve(() => new UnknownLengthContent(body));

        Assert.Equal(PlatformKeyStatus.Found, (await FindAsync(TestKey.Primary.KeyId)).Status);
    }

    [Fact] // 1A-15: each platform's key set is cached on its own
    public async Task Key_sets_are_cached_per_jwks_url()
    {
        await FindAsync(TestKey.Primary.KeyId);
        await _host.KeySets.FindAsync("https://other-platform.example/jwks", TestKey.Primary.KeyId, TestContext.Current.CancellationToken);

        Assert.Equal(2, _host.Jwks.Calls);
        Assert.Equal(["https://platform.example/.well-known/jwks.json", "https://other-platform.example/jwks"],
            _host.Jwks.Requests.Select(r => r.RequestUri!.AbsoluteUri));
    }

    /// <summary>A valid key set padded past 512 KB with extra (ignored) keys.</summary>
    private static string OversizedKeySet()
    {
        var keys = new List<JsonObject> { TestKey.Primary.Jwk() };
        var filler = TestKey.Rotated.Jwk(use: "enc");
        for (var i = 0; keys.Count * 400 < 600 * 1024; i++)
        {
            var key = (JsonObject)filler.DeepClone();
            key["kid"] = $"filler-{i}";
            keys.Add(key);
        }
        var json = Jwks.Of([.. keys]);
        Assert.True(json.Length > 512 * 1024);
        return json;
    }
}
