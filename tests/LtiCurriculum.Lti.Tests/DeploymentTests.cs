using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>The deployment step (1A-4, 1A-21; 7A "deployment_id missing").</summary>
public sealed class DeploymentTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact] // 1A-21
    public async Task Unknown_deployment_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.DeploymentId] = "deployment-99");

        LaunchAssert.Failed(result, "deployment_unknown", 403);
        Assert.Equal("deployment", result.FailedStep);
    }

    [Fact] // 1A-21: deployment_id is case-sensitive
    public async Task Deployment_differing_in_case_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.DeploymentId] = LtiTestHost.DeploymentId.ToUpperInvariant());

        LaunchAssert.Failed(result, "deployment_unknown", 403);
    }

    [Fact] // 1A-21, 7A
    public async Task Missing_deployment_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims.Remove(Claim.DeploymentId));

        LaunchAssert.Failed(result, "deployment_id_missing", 400);
    }

    [Fact] // 1A-21: at most 255 characters
    public async Task Overlong_deployment_is_rejected()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.DeploymentId] = new string('d', 256));

        LaunchAssert.Failed(result, "claim_too_long", 400);
    }

    [Fact] // 1A-4: registered, but not the deployment the login announced
    public async Task Deployment_differing_from_the_login_hint_is_rejected()
    {
        var session = await _host.LoginAsync(ltiDeploymentId: LtiTestHost.DeploymentId);
        var claims = _host.ResourceLinkClaims(session);
        claims[Claim.DeploymentId] = LtiTestHost.OtherDeploymentId;

        var result = await _host.LaunchAsync(session, IdToken.Sign(claims, TestKey.Primary));

        LaunchAssert.Failed(result, "deployment_id_mismatch", 401);
    }

    [Fact] // 1A-4
    public async Task Deployment_matching_the_login_hint_is_accepted()
    {
        var session = await _host.LoginAsync(ltiDeploymentId: LtiTestHost.OtherDeploymentId);
        var claims = _host.ResourceLinkClaims(session);
        claims[Claim.DeploymentId] = LtiTestHost.OtherDeploymentId;

        var launch = LaunchAssert.Succeeded(await _host.LaunchAsync(session, IdToken.Sign(claims, TestKey.Primary)));

        Assert.Equal(LtiTestHost.OtherDeploymentId, launch.DeploymentId);
    }

    [Fact] // 1A-4: lti_deployment_id is optional; without it any registered deployment goes
    public async Task Any_registered_deployment_is_accepted_without_a_login_hint()
    {
        var result = await _host.LaunchAsync(claims => claims[Claim.DeploymentId] = LtiTestHost.OtherDeploymentId);

        Assert.Equal(LtiTestHost.OtherDeploymentId, LaunchAssert.Succeeded(result).DeploymentId);
    }
}
