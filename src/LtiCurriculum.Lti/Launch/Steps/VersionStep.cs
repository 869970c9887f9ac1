namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>[23] version is exactly 1.3.0.</summary>
internal sealed class VersionStep : SyncLaunchStep
{
    public override string Name => "version";

    protected override LaunchFailure? Run(LaunchValidationContext context) => context.Claims.Version switch
    {
        null or "" => LaunchFailures.VersionMissing,
        "1.3.0" => null,
        _ => LaunchFailures.VersionUnsupported,
    };
}
