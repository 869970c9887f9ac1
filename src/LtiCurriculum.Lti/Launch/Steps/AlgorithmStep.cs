using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>[14] RS256 and nothing else: no "none", no HS256 keyed with the platform's public key.</summary>
internal sealed class AlgorithmStep : SyncLaunchStep
{
    public override string Name => "algorithm";

    protected override LaunchFailure? Run(LaunchValidationContext context) =>
        context.Token!.Alg == SecurityAlgorithms.RsaSha256 ? null : LaunchFailures.AlgorithmNotAllowed;
}
