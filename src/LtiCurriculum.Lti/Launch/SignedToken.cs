using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.Launch;

/// <summary>
/// A compact JWS split into its parts (RFC 7515 §7.1) with the header read: what the signature steps need. The payload
/// is read once, into the LTI claims (<see cref="Claims.IdTokenPayload"/>); parsing it also into a generic claim set, as
/// <c>JsonWebToken</c> does, cost a tenth of a launch's CPU. Every part is base64url (RFC 7515 §2): the standard
/// alphabet's <c>+</c> and <c>/</c> make a token malformed.
/// </summary>
internal sealed class SignedToken
{
    private readonly int _firstDot;
    private readonly int _lastDot;

    private SignedToken(string raw, int firstDot, int lastDot, string alg, string kid)
    {
        Raw = raw;
        _firstDot = firstDot;
        _lastDot = lastDot;
        Alg = alg;
        Kid = kid;
    }

    public string Raw { get; }
    public string Alg { get; }
    public string Kid { get; }

    // Views into Raw, not copies: a launch's id_token is several kilobytes, and each copy of it is garbage.
    public ReadOnlySpan<char> EncodedPayload => Raw.AsSpan(_firstDot + 1, _lastDot - _firstDot - 1);
    public ReadOnlySpan<char> EncodedSignature => Raw.AsSpan(_lastDot + 1);

    /// <summary>header.payload, the part the signature covers (RFC 7515 §5.2).</summary>
    public ReadOnlySpan<char> SigningInput => Raw.AsSpan(0, _lastDot);

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
            header = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(raw.AsSpan(0, firstDot)), JwsHeaderJsonContext.Default.JwsHeader);
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
        return new SignedToken(raw, firstDot, lastDot, header.Alg ?? "", header.Kid ?? "");
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
