namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>[16] iss is exactly the issuer of the registration this login began with.</summary>
internal sealed class IssuerStep : SyncLaunchStep
{
    public override string Name => "issuer";

    protected override LaunchFailure? Run(LaunchValidationContext context) =>
        string.Equals(context.Claims.Issuer, context.Registration!.Issuer, StringComparison.Ordinal) ? null : LaunchFailures.IssuerMismatch;
}
