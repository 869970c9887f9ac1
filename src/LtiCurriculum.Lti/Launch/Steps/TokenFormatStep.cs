using System.Text.Json;
using LtiCurriculum.Lti.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>The id_token is present, not oversized, a three-part JWS with JSON header and payload, and its claims have the types LTI gives them.</summary>
internal sealed class TokenFormatStep : SyncLaunchStep
{
    public override string Name => "token-format";

    protected override LaunchFailure? Run(LaunchValidationContext context)
    {
        var raw = context.Request.IdToken;
        if (string.IsNullOrEmpty(raw))
        {
            return LaunchFailures.TokenMissing;
        }
        if (raw.Length > context.Options.MaxIdTokenLength)
        {
            return LaunchFailures.TokenTooLarge;
        }
        if (raw.AsSpan().Count('.') != 2)
        {
            return LaunchFailures.TokenMalformed.WithDetail("A signed JWT has exactly three parts.");
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(raw);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException or FormatException or JsonException)
        {
            return LaunchFailures.TokenMalformed;
        }
        if (token.EncodedSignature.Length == 0)
        {
            return LaunchFailures.TokenMalformed.WithDetail("The token is not signed.");
        }

        try
        {
            var payload = JsonSerializer.Deserialize(Base64UrlEncoder.DecodeBytes(token.EncodedPayload), LtiJsonContext.Default.IdTokenPayload);
            if (payload is null)
            {
                return LaunchFailures.TokenMalformed;
            }
            context.Payload = payload;
        }
        catch (JsonException ex)
        {
            return LaunchFailures.ClaimsMalformed.WithDetail(ex.Path is { Length: > 0 } path ? $"At {path}." : string.Empty);
        }
        catch (FormatException)
        {
            return LaunchFailures.TokenMalformed;
        }

        context.Token = token;
        return null;
    }
}
