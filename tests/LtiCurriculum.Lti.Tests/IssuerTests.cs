using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>The registration and issuer steps (1A-6, 1A-16).</summary>
public sealed class IssuerTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory] // 1A-16: exactly the registration's issuer — no case folding, no trailing-slash leniency
    [InlineData("https://attacker.example")]
    [InlineData("https://PLATFORM.example")]
    [InlineData("https://platform.example/")]
    [InlineData("")]
    public async Task Wrong_issuer_is_rejected(string issuer)
    {
        var result = await _host.LaunchAsync(claims => claims["iss"] = issuer);

        LaunchAssert.Failed(result, "iss_mismatch", 401);
        Assert.Equal("issuer", result.FailedStep);
    }

    [Fact] // 1A-16: checked before any key is fetched for the token
    public async Task Wrong_issuer_does_not_fetch_the_platform_keys()
    {
        var result = await _host.LaunchAsync(claims => claims["iss"] = "https://attacker.example");

        LaunchAssert.Failed(result, "iss_mismatch", 401);
        Assert.Equal(0, _host.Jwks.Calls);
    }

    [Fact] // 7A "iss missing"
    public async Task Missing_issuer_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims.Remove("iss"));

        LaunchAssert.Failed(result, "iss_mismatch", 401);
    }

    [Fact] // 1A-6: the registration chosen at login was deleted before the launch came back
    public async Task Registration_removed_between_login_and_launch_is_rejected()
    {
        var session = await _host.LoginAsync();
        var token = IdToken.Sign(_host.ResourceLinkClaims(session), TestKey.Primary);
        _host.Registrations.Remove(1);

        var result = await _host.LaunchAsync(session, token);

        LaunchAssert.Failed(result, "login_platform_unknown", 403);
        Assert.Equal("registration", result.FailedStep);
    }

    [Fact] // 1A-5, 1A-16: with two registrations behind one issuer, the launch is checked against the one the login chose
    public async Task Launch_is_checked_against_the_registration_chosen_at_login()
    {
        _host.Registrations.Add(LtiTestHost.DefaultRegistration(id: 2, clientId: "tool-client-2"));
        var session = await _host.LoginAsync(clientId: "tool-client-2");
        var claims = _host.ResourceLinkClaims(session); // aud is tool-client-1: right issuer, wrong registration

        var result = await _host.LaunchAsync(session, IdToken.Sign(claims, TestKey.Primary));

        LaunchAssert.Failed(result, "aud_mismatch", 401);
    }
}
