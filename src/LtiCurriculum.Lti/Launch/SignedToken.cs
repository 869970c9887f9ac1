using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Launch;

/// <summary>
/// A compact JWS split into its parts (RFC 7515 §7.1) with the header read: what the signature steps need. The payload
/// is read once, into the LTI claims (<see cref="Claims.IdTokenPayload"/>); parsing it also into a generic claim set, as
/// <c>JsonWebToken</c> does, cost a tenth of a launch's CPU.
/// </summary>
internal sealed record SignedToken(string Alg, string Kid, string EncodedPayload, string EncodedSignature)
{
    /// <summary>Null unless <paramref name="raw"/> has three parts, a JSON object header and a payload part.</summary>
    public static SignedToken? TryRead(string raw)
    {
        var firstDot = raw.IndexOf('.');
        var lastDot = raw.LastIndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot || raw.IndexOf('.', firstDot + 1) != lastDot)
        {
            return null;
        }
        JwsHeader? header;
        try
        {
            header = JsonSerializer.Deserialize(Base64UrlEncoder.DecodeBytes(raw[..firstDot]), JwsHeaderJsonContext.Default.JwsHeader);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            return null;
        }
        // A JWS that lists critical extensions is invalid to a recipient that supports none of them (RFC 7515 §4.1.11).
        if (header is null || header.Crit is not null || lastDot == firstDot + 1)
        {
            return null;
        }
        // A missing alg is refused by the algorithm step, with the other algorithms that are not RS256.
        return new SignedToken(header.Alg ?? "", header.Kid ?? "", raw[(firstDot + 1)..lastDot], raw[(lastDot + 1)..]);
    }
}

/// <summary>The JOSE header members the launch checks (RFC 7515 §4.1): alg, kid, and crit (which this tool never accepts).</summary>
internal sealed record JwsHeader(
    [property: JsonPropertyName("alg")] string? Alg,
    [property: JsonPropertyName("kid")] string? Kid,
    [property: JsonPropertyName("crit")] JsonElement? Crit);

[JsonSourceGenerationOptions(MaxDepth = 16)]
[JsonSerializable(typeof(JwsHeader))]
internal sealed partial class JwsHeaderJsonContext : JsonSerializerContext;
