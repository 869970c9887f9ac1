using System.Buffers.Text;
using System.Text.Json;

namespace LtiCurriculum.Web.Launch;

/// <summary>
/// The issuer and audience an id_token names, read BEFORE any check, only to pick which platform's limits or origins
/// apply (rate limits, the cookieless launch's reply origins); the launch itself is then validated in full.
/// </summary>
internal static class UnverifiedClaims
{
    private const int MaxTokenLength = 64 * 1024;

    /// <summary><c>iss</c> and the first <c>aud</c> of a JWT's payload, read without checking its signature.</summary>
    public static (string? Issuer, string? Audience) Read(string? jwt)
    {
        if (jwt is null || jwt.Length > MaxTokenLength || jwt.Split('.') is not [_, var payload, _])
        {
            return default;
        }
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(payload));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }
            var issuer = root.TryGetProperty("iss", out var iss) && iss.ValueKind == JsonValueKind.String ? iss.GetString() : null;
            var audience = root.TryGetProperty("aud", out var aud) ? aud.ValueKind switch
            {
                JsonValueKind.String => aud.GetString(),
                JsonValueKind.Array when aud.GetArrayLength() > 0 && aud[0].ValueKind == JsonValueKind.String => aud[0].GetString(),
                _ => null,
            } : null;
            return (issuer, audience);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return default;
        }
    }
}
