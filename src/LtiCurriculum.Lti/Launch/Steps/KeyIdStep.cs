namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>[14] The header names the key (kid) that signed the token.</summary>
internal sealed class KeyIdStep : SyncLaunchStep
{
    public override string Name => "kid";

    protected override LaunchFailure? Run(LaunchValidationContext context) =>
        string.IsNullOrEmpty(context.Token!.Kid) || context.Token.Kid.Length > 512 ? LaunchFailures.KeyIdMissing : null;
}
