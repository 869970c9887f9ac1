using LtiCurriculum.Lti.Keys;

namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>[15] The kid is in the platform's key set (cached; re-fetched once, rate limited, when unknown).</summary>
internal sealed class SigningKeyStep(PlatformKeySetCache keySets) : ILaunchStep
{
    public string Name => "signing-key";

    public async ValueTask<LaunchFailure?> RunAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var lookup = await keySets.FindAsync(context.Registration!.JwksUri, context.Token!.Kid, cancellationToken).ConfigureAwait(false);
        switch (lookup.Status)
        {
            case PlatformKeyStatus.Found:
                context.Verifier = lookup.Verifier;
                return null;
            case PlatformKeyStatus.UnknownKeyId:
                return LaunchFailures.KeyIdUnknown;
            default:
                return LaunchFailures.JwksUnavailable;
        }
    }
}
