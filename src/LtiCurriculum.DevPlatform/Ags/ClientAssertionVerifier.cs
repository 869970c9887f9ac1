using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Checks a tool's client assertion (1EdTech Security Framework §4.1.1) as strictly as the strictest platform:
/// RS256 signed by a key of the tool's JWKS, <c>iss</c> = <c>sub</c> = client id, <c>aud</c> exactly the token URL
/// (Canvas refuses even an added trailing slash), <c>exp</c> and <c>iat</c> present with 5 s leeway, <c>exp</c> at most
/// an hour ahead, and a <c>jti</c> never seen before. A tool registered by dynamic registration is known by the
/// assertion's <c>sub</c> (as Moodle's token.php finds it) and checked against its registered jwks_uri.
/// </summary>
internal sealed class ClientAssertionVerifier(
    ToolJwksCache jwks, UsedAssertionIds usedIds, ToolClients clients, TimeProvider timeProvider)
{
    public static readonly TimeSpan Leeway = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    private readonly JsonWebTokenHandler handler = new();

    /// <summary>The tool when the assertion is good (and its jti now used up); otherwise the error to answer.</summary>
    public async Task<(ToolClient? Client, OAuthError? Error)> VerifyAsync(string assertion, PlatformUrls urls, CancellationToken cancellationToken)
    {
        if (!handler.CanReadToken(assertion))
        {
            return (null, Invalid("client_assertion is not a signed JWT"));
        }

        var token = handler.ReadJsonWebToken(assertion);
        if (token.Alg != SecurityAlgorithms.RsaSha256)
        {
            return (null, Invalid("client_assertion must be signed with RS256"));
        }

        // The unverified sub only picks whose keys to check the signature with.
        var client = clients.Find(Text(token, "sub", out var subject) ? subject : null, urls);
        var error = await CheckSignatureAsync(assertion, token, client, cancellationToken) ?? CheckClaims(token, urls, client);
        return error is null ? (client, null) : (null, error);
    }

    private async Task<OAuthError?> CheckSignatureAsync(string assertion, JsonWebToken token, ToolClient client, CancellationToken cancellationToken)
    {
        var jwksUrl = client.JwksUri;
        var keyId = string.IsNullOrEmpty(token.Kid) ? null : token.Kid;
        var keys = await jwks.KeysAsync(jwksUrl, keyId, cancellationToken);
        if (keys is null)
        {
            return Invalid($"the tool's public key set at {jwksUrl} could not be read");
        }

        if (keys.Count == 0)
        {
            return Invalid($"the tool's public key set has no key with kid \"{keyId}\"");
        }

        var result = await handler.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            TryAllIssuerSigningKeys = true,
        });
        return result.IsValid ? null : Invalid("the signature of client_assertion does not verify with the tool's public keys");
    }

    private OAuthError? CheckClaims(JsonWebToken token, PlatformUrls urls, ToolClient client)
    {
        var clientId = client.ClientId;
        if (!Text(token, "iss", out var issuer) || issuer != clientId || !Text(token, "sub", out var subject) || subject != clientId)
        {
            return Invalid("iss and sub must both be the tool's client id");
        }

        if (!token.Audiences.Any(audience => string.Equals(audience, urls.Token, StringComparison.Ordinal)))
        {
            return Invalid("the 'aud' is invalid");
        }

        var now = timeProvider.GetUtcNow();
        if (!Time(token, "exp", out var expires) || !Time(token, "iat", out var issuedAt))
        {
            return Invalid("exp and iat are required");
        }

        var timeError = expires + Leeway <= now ? "the client_assertion has expired"
            : expires > now + MaxLifetime + Leeway ? "exp is more than an hour ahead"
            : issuedAt > now + Leeway ? "iat is in the future"
            : Time(token, "nbf", out var notBefore) && notBefore > now + Leeway ? "the client_assertion is not valid yet (nbf)"
            : null;
        if (timeError is not null)
        {
            return Invalid(timeError);
        }

        if (!Text(token, "jti", out var jti) || jti.Length > 256)
        {
            return Invalid("jti is required");
        }

        return usedIds.TryUse(jti, expires + Leeway) ? null : Invalid("the jti has been used already");
    }

    private static bool Text(JsonWebToken token, string claim, out string value) =>
        token.TryGetPayloadValue(claim, out value) && !string.IsNullOrEmpty(value);

    private static bool Time(JsonWebToken token, string claim, out DateTimeOffset value)
    {
        value = default;
        if (!token.TryGetPayloadValue<long>(claim, out var seconds) || seconds is < 0 or > 253402300799)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static OAuthError Invalid(string description) => new("invalid_client", description);
}
