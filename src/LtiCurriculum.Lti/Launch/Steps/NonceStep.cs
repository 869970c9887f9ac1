namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>
/// [20] The nonce is the one remembered for this state. The state was consumed atomically, so a nonce
/// can be accepted once only; a replayed token under a fresh state fails here.
/// </summary>
internal sealed class NonceStep : SyncLaunchStep
{
    public override string Name => "nonce";

    protected override LaunchFailure? Run(LaunchValidationContext context)
    {
        var nonce = context.Claims.Nonce;
        if (string.IsNullOrEmpty(nonce))
        {
            return LaunchFailures.NonceMissing;
        }
        return OpaqueTokens.FixedTimeEquals(nonce, context.State.Nonce) ? null : LaunchFailures.NonceMismatch;
    }
}
