using System.Text;
using LtiCurriculum.Lti.Keys;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>
/// [14] The RS256 signature over header.payload verifies with the platform key. When it does not, the platform may
/// have replaced its key under the same kid: the key set is fetched once more (rate limited) and the signature checked again.
/// </summary>
internal sealed class SignatureStep(PlatformKeySetCache keySets) : ILaunchStep
{
    public string Name => "signature";

    public async ValueTask<LaunchFailure?> RunAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var token = context.Token!;
        byte[] signature;
        try
        {
            signature = Base64UrlEncoder.DecodeBytes(token.EncodedSignature);
        }
        catch (FormatException)
        {
            return LaunchFailures.SignatureInvalid;
        }
        var raw = context.Request.IdToken!;
        var signedPart = Encoding.ASCII.GetBytes(raw, 0, raw.LastIndexOf('.'));
        if (!context.Verifier!.Verify(signedPart, signature))
        {
            var refetched = await keySets.RefetchAfterFailedSignatureAsync(context.Registration!.JwksUri, token.Kid, context.Verifier, cancellationToken).ConfigureAwait(false);
            if (refetched is null || !refetched.Verify(signedPart, signature))
            {
                return LaunchFailures.SignatureInvalid;
            }
            context.Verifier = refetched;
        }
        context.SignatureVerified = true;
        return null;
    }
}
