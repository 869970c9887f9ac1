using LtiCurriculum.Lti.Storage;

namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>
/// [4, 21] deployment_id present, at most 255 characters, equal to login's lti_deployment_id when one was sent, and
/// registered — or added, for a dynamically registered platform when <see cref="LtiToolOptions.AutoAddDeployments"/> is on
/// (this step runs after the signature and nonce are verified, so only the platform itself can add one).
/// </summary>
internal sealed class DeploymentStep(IDeploymentRegistrar? deployments) : ILaunchStep
{
    public string Name => "deployment";

    public async ValueTask<LaunchFailure?> RunAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var deploymentId = context.Claims.DeploymentId;
        if (string.IsNullOrEmpty(deploymentId))
        {
            return LaunchFailures.DeploymentIdMissing;
        }
        if (deploymentId.Length > 255)
        {
            return LaunchFailures.ClaimTooLong.WithDetail("(deployment_id)");
        }
        if (context.State.DeploymentIdHint is { } hint && hint != deploymentId)
        {
            return LaunchFailures.DeploymentIdMismatch;
        }
        var registration = context.Registration!;
        if (registration.HasDeployment(deploymentId))
        {
            return null;
        }
        if (deployments is not null && context.Options.MayAddDeployment(registration))
        {
            await deployments.AddAsync(registration, deploymentId, cancellationToken).ConfigureAwait(false);
            return null;
        }
        return LaunchFailures.DeploymentUnknown.WithDetail(LaunchFailures.AddDeploymentHint(registration, deploymentId));
    }
}
