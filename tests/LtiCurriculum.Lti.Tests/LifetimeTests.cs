using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>The lifetime step: exp, iat, nbf with the configured clock skew (1A-19; 7A "bad iat/exp").</summary>
public sealed class LifetimeTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private long Now => _host.Time.GetUtcNow().ToUnixTimeSeconds();

    private long Skew => (long)_host.Options.ClockSkew.TotalSeconds;

    [Fact] // 1A-19
    public async Task Expired_token_is_rejected()
    {
        var result = await _host.LaunchAsync(claims =>
        {
            claims["iat"] = Now - 120;
            claims["exp"] = Now - Skew - 1;
        });

        LaunchAssert.Failed(result, "token_expired", 401);
        Assert.Equal("lifetime", result.FailedStep);
    }

    [Fact] // 1A-19: exp a little in the past is forgiven by the skew
    public async Task Token_expired_within_the_skew_is_accepted()
    {
        var result = await _host.LaunchAsync(claims =>
        {
            claims["iat"] = Now - 90;
            claims["exp"] = Now - Skew + 5;
        });

        LaunchAssert.Succeeded(result);
    }

    [Fact] // 1A-19, 7A
    public async Task Token_without_exp_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims.Remove("exp"));

        LaunchAssert.Failed(result, "exp_missing", 401);
    }

    [Fact] // 1A-19, 7A
    public async Task Token_without_iat_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims.Remove("iat"));

        LaunchAssert.Failed(result, "iat_missing", 401);
    }

    [Fact] // 1A-19
    public async Task Token_issued_in_the_future_beyond_the_skew_is_rejected()
    {
        var result = await _host.LaunchAsync(claims =>
        {
            claims["iat"] = Now + Skew + 5;
            claims["exp"] = Now + 600;
        });

        LaunchAssert.Failed(result, "iat_in_future", 401);
    }

    [Fact] // 1A-19, §5 clock-skew complaints: a platform clock slightly ahead still works
    public async Task Token_issued_slightly_in_the_future_within_the_skew_is_accepted()
    {
        var result = await _host.LaunchAsync(claims =>
        {
            claims["iat"] = Now + Skew - 5;
            claims["exp"] = Now + 600;
        });

        LaunchAssert.Succeeded(result);
    }

    [Fact] // 1A-19: iat not too old, even when exp is generous
    public async Task Token_issued_too_long_ago_is_rejected()
    {
        var maxAge = (long)_host.Options.MaxTokenAge.TotalSeconds;

        var result = await _host.LaunchAsync(claims =>
        {
            claims["iat"] = Now - maxAge - Skew - 1;
            claims["exp"] = Now + 3600;
        });

        LaunchAssert.Failed(result, "token_too_old", 401);
    }

    [Fact] // 1A-19: the other side of the age boundary
    public async Task Token_just_within_the_maximum_age_is_accepted()
    {
        var maxAge = (long)_host.Options.MaxTokenAge.TotalSeconds;

        var result = await _host.LaunchAsync(claims =>
        {
            claims["iat"] = Now - maxAge - Skew + 1;
            claims["exp"] = Now + 3600;
        });

        LaunchAssert.Succeeded(result);
    }

    [Fact] // 1A-19
    public async Task Token_not_yet_valid_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims["nbf"] = Now + Skew + 30);

        LaunchAssert.Failed(result, "nbf_in_future", 401);
    }

    [Fact] // 1A-19: the skew is configurable
    public async Task Configured_zero_skew_is_honoured()
    {
        using var host = new LtiTestHost(new Dictionary<string, string?> { ["Lti:ClockSkew"] = "00:00:00" });
        var now = host.Time.GetUtcNow().ToUnixTimeSeconds();

        var result = await host.LaunchAsync(claims => claims["iat"] = now + 5);

        LaunchAssert.Failed(result, "iat_in_future", 401);
    }

    [Fact] // 1A-19: a Moodle-style 60-second token launched 61 s after issue, at the edge of the default skew
    public async Task Short_lived_token_survives_a_slow_browser_within_the_skew()
    {
        var session = await _host.LoginAsync();
        var claims = _host.ResourceLinkClaims(session);
        claims["exp"] = Now + 60;
        var token = IdToken.Sign(claims, TestKey.Primary);
        _host.Time.Advance(TimeSpan.FromSeconds(61));

        LaunchAssert.Succeeded(await _host.LaunchAsync(session, token));
    }

    [Fact] // 1A-19: exp given as a fraction is read, not refused
    public async Task Fractional_timestamps_are_accepted()
    {
        var result = await _host.LaunchAsync(claims =>
        {
            claims["iat"] = Now + 0.25;
            claims["exp"] = Now + 300.5;
        });

        LaunchAssert.Succeeded(result);
    }
}
