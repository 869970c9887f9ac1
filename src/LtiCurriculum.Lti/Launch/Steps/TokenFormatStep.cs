using System.Buffers.Text;
using System.Text.Json;
using LtiCurriculum.Lti.Claims;

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

        if (SignedToken.TryRead(raw) is not { } token)
        {
            return LaunchFailures.TokenMalformed;
        }
        if (token.EncodedSignature.Length == 0)
        {
            return LaunchFailures.TokenMalformed.WithDetail("The token is not signed.");
        }

        try
        {
            var json = Base64Url.DecodeFromChars(token.EncodedPayload);
            if (!IsJsonObject(json))
            {
                return LaunchFailures.TokenMalformed.WithDetail("The payload is not a JSON object.");
            }
            var payload = JsonSerializer.Deserialize(json, LtiJsonContext.Default.IdTokenPayload);
            if (payload is null)
            {
                return LaunchFailures.TokenMalformed;
            }
            context.Payload = payload;
        }
        catch (JsonException ex) when (ex.Path is "$.exp" or "$.iat" or "$.nbf" or "$.aud")
        {
            // The JWT's own claims (RFC 7519 §4.1) of the wrong type make the token malformed, not only its LTI claims.
            return LaunchFailures.TokenMalformed.WithDetail($"At {ex.Path}.");
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

    /// <summary>Well-formed JSON with an object at the top, nested no deeper than <see cref="MaxDepth"/> (a cheap pass that allocates nothing).</summary>
    private static bool IsJsonObject(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private const int MaxDepth = 32;
}
