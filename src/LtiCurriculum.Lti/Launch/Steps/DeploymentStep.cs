namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>[4, 21] deployment_id present, at most 255 characters, equal to login's lti_deployment_id when one was sent, and registered.</summary>
internal sealed class DeploymentStep : SyncLaunchStep
{
    public override string Name => "deployment";

    protected override LaunchFailure? Run(LaunchValidationContext context)
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
        return context.Registration!.HasDeployment(deploymentId) ? null : LaunchFailures.DeploymentUnknown;
    }
}
