using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>
/// A platform that replaces its key but keeps the kid: a failed signature re-fetches the key set once, only when the
/// cached set is older than Lti:JwksRefetchInterval, so a re-key costs at most that long and forged tokens cannot
/// make the tool hammer the platform.
/// </summary>
public sealed class SameKidRekeyTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private TimeSpan Interval => _host.Options.JwksRefetchInterval;

    /// <summary>The platform's new key, published under the old key's kid.</summary>
    private void PlatformRekeysUnderTheSameKid() => _host.Jwks.ServeJson(Jwks.Of(TestKey.Rotated.Jwk(keyId: TestKey.Primary.KeyId)));

    private async Task<LaunchResult> LaunchSignedWithAsync(TestKey key)
    {
        var session = await _host.LoginAsync();
        return await _host.LaunchAsync(session, IdToken.Sign(_host.ResourceLinkClaims(session), key, keyId: TestKey.Primary.KeyId));
    }

    [Fact]
    public async Task First_launch_after_a_same_kid_rekey_succeeds_once_the_cached_key_is_older_than_the_refetch_interval()
    {
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Primary));
        PlatformRekeysUnderTheSameKid();
        _host.Time.Advance(Interval);

        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Rotated));
        Assert.Equal(2, _host.Jwks.Calls);

        // The new key is cached from now on; the old one is gone with the set it came in.
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Rotated));
        LaunchAssert.Failed(await LaunchSignedWithAsync(TestKey.Primary), "signature_invalid", 401);
        Assert.Equal(2, _host.Jwks.Calls);
    }

    [Fact]
    public async Task Same_kid_rekey_within_the_refetch_interval_is_refused_until_the_interval_has_passed()
    {
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Primary));
        PlatformRekeysUnderTheSameKid();
        _host.Time.Advance(Interval - TimeSpan.FromSeconds(1));

        LaunchAssert.Failed(await LaunchSignedWithAsync(TestKey.Rotated), "signature_invalid", 401);
        Assert.Equal(1, _host.Jwks.Calls);

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Rotated));
        Assert.Equal(2, _host.Jwks.Calls);
    }

    [Fact]
    public async Task Bad_signature_with_a_freshly_fetched_key_set_does_not_refetch()
    {
        LaunchAssert.Failed(await LaunchSignedWithAsync(TestKey.Attacker), "signature_invalid", 401);
        LaunchAssert.Failed(await LaunchSignedWithAsync(TestKey.Attacker), "signature_invalid", 401);

        Assert.Equal(1, _host.Jwks.Calls);
    }

    [Fact]
    public async Task Flood_of_forged_signatures_refetches_at_most_once_per_interval()
    {
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Primary));
        const int rounds = 3;
        for (var round = 0; round < rounds; round++)
        {
            _host.Time.Advance(Interval);
            for (var i = 0; i < 10; i++)
            {
                LaunchAssert.Failed(await LaunchSignedWithAsync(TestKey.Attacker), "signature_invalid", 401);
                _host.Time.Advance(Interval / 20);
            }
        }

        Assert.Equal(1 + rounds, _host.Jwks.Calls);
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Primary));
    }

    [Theory]
    [InlineData(JwksOutage.ServerError)]
    [InlineData(JwksOutage.Timeout)]
    [InlineData(JwksOutage.Garbage)]
    public async Task Key_set_endpoint_down_during_the_refetch_keeps_the_stale_keys(JwksOutage outage)
    {
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Primary));
        _host.Jwks.Fail(outage);
        _host.Time.Advance(Interval);

        // Refused as a bad signature (401), not as an unreachable platform (502): the cached key is still known.
        LaunchAssert.Failed(await LaunchSignedWithAsync(TestKey.Rotated), "signature_invalid", 401);
        Assert.Equal(2, _host.Jwks.Calls);

        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Primary));
        LaunchAssert.Failed(await LaunchSignedWithAsync(TestKey.Rotated), "signature_invalid", 401);
        Assert.Equal(2, _host.Jwks.Calls);
    }

    [Fact]
    public async Task Concurrent_launches_after_a_same_kid_rekey_share_one_refetch()
    {
        LaunchAssert.Succeeded(await LaunchSignedWithAsync(TestKey.Primary));
        PlatformRekeysUnderTheSameKid();
        _host.Time.Advance(Interval);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => LaunchSignedWithAsync(TestKey.Rotated)));

        Assert.All(results, r => LaunchAssert.Succeeded(r));
        Assert.Equal(2, _host.Jwks.Calls);
    }
}

/// <summary>Lti:JwksRefetchInterval is checked when the options are first read (ValidateOnStart in a host).</summary>
public sealed class RefetchIntervalOptionTests
{
    [Theory]
    [InlineData("01:00:01")]
    [InlineData("-00:00:01")]
    public void Refetch_interval_out_of_range_stops_the_app_with_a_sentence_naming_the_setting(string value)
    {
        using var host = new LtiTestHost(new Dictionary<string, string?> { ["Lti:JwksRefetchInterval"] = value });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => host.Options);

        Assert.Contains("Lti:JwksRefetchInterval must be between 00:00:00 and 01:00:00", error.Message);
    }

    [Fact]
    public void Refetch_interval_defaults_to_thirty_seconds()
    {
        using var host = new LtiTestHost();

        Assert.Equal(TimeSpan.FromSeconds(30), host.Options.JwksRefetchInterval);
    }
}
