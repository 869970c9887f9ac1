using System.Buffers;
using System.Buffers.Text;
using System.Text;
using LtiCurriculum.Lti.Keys;

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
            signature = Base64Url.DecodeFromChars(token.EncodedSignature);
        }
        catch (FormatException)
        {
            return LaunchFailures.SignatureInvalid;
        }
        var signingInput = token.SigningInput;
        var signed = ArrayPool<byte>.Shared.Rent(signingInput.Length);
        try
        {
            var length = Encoding.ASCII.GetBytes(signingInput, signed);
            if (!context.Verifier!.Verify(signed, 0, length, signature, 0, signature.Length))
            {
                var refetched = await keySets.RefetchAfterFailedSignatureAsync(context.Registration!.JwksUri, token.Kid, context.Verifier, cancellationToken).ConfigureAwait(false);
                if (refetched is null || !refetched.Verify(signed, 0, length, signature, 0, signature.Length))
                {
                    return LaunchFailures.SignatureInvalid;
                }
                context.Verifier = refetched;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(signed);
        }
        context.SignatureVerified = true;
        return null;
    }
}
