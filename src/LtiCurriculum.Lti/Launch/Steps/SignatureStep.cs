using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>[14] The RS256 signature over header.payload verifies with the platform key.</summary>
internal sealed class SignatureStep : SyncLaunchStep
{
    public override string Name => "signature";

    protected override LaunchFailure? Run(LaunchValidationContext context)
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
            return LaunchFailures.SignatureInvalid;
        }
        context.SignatureVerified = true;
        return null;
    }
}
