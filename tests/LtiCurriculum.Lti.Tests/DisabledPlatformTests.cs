using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>A registration the tool's administrator disabled: found, but neither its logins nor its launches are accepted.</summary>
public sealed class DisabledPlatformTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Login_from_a_disabled_platform_is_refused_with_its_own_reason_before_redirecting()
    {
        _host.Registrations.Add(LtiTestHost.DefaultRegistration() with { IsDisabled = true });

        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation());

        var failure = LaunchAssert.Failed(outcome, "platform_disabled", 403);
        Assert.Contains("administrator has disabled", failure.Description, StringComparison.Ordinal);
        Assert.Null(outcome.AuthorizationUrl);
        Assert.Equal(0, _host.LoginStates.Count);
    }

    [Fact]
    public async Task Launch_after_the_platform_was_disabled_during_login_is_refused()
    {
        var session = await _host.LoginAsync();
        _host.Registrations.Add(LtiTestHost.DefaultRegistration() with { IsDisabled = true });

        var result = await _host.LaunchAsync(session, IdToken.Sign(_host.ResourceLinkClaims(session), TestKey.Primary));

        LaunchAssert.Failed(result, "platform_disabled", 403);
    }

    [Fact]
    public async Task Enabled_again_it_launches()
    {
        _host.Registrations.Add(LtiTestHost.DefaultRegistration() with { IsDisabled = true });
        _host.Registrations.Add(LtiTestHost.DefaultRegistration());

        LaunchAssert.Succeeded(await _host.LaunchAsync());
    }
}
