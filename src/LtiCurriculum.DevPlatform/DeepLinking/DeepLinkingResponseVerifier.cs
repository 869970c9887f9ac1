using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Checks a tool's LtiDeepLinkingResponse (Deep Linking 2.0 §4.2, 1EdTech Security Framework §5.1.3) as a strict
/// platform does, one named check at a time: RS256 signed by the key its <c>kid</c> names in the tool's JWKS;
/// <c>iss</c> the tool's client id; <c>aud</c> (a string or an array) this platform's issuer; <c>exp</c> ahead and
/// <c>iat</c> not ahead (with <see cref="Leeway"/>); a <c>nonce</c>; message_type, version and deployment_id; the
/// request's <c>data</c> echoed exactly (Deep Linking 2.0 §4.4) and not used before; content_items an array
/// (one item at most when the request said accept_multiple false).
/// A tool registered by dynamic registration is known by its <c>iss</c>: its key set and deployment are checked.
/// Independent of the tool's own protocol code on purpose, so a tool bug cannot cancel itself out in a test.
/// </summary>
internal sealed class DeepLinkingResponseVerifier(
    ToolJwksCache jwks, DeepLinkingRequests requests, ToolClients clients, TimeProvider timeProvider)
{
    public static readonly TimeSpan Leeway = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler handler = new();

    public async Task<(VerifiedDeepLinkingResponse? Response, DeepLinkingRefusal? Refusal)> VerifyAsync(
        string? jwt, PlatformUrls urls, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(jwt) || !handler.CanReadToken(jwt))
        {
            return Refuse("JWT", "The field \u201cJWT\u201d is missing or is not a JSON Web Token.");
        }

        JsonWebToken token;
        JsonDocument payload;
        try
        {
            token = handler.ReadJsonWebToken(jwt);
            payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or JsonException or SecurityTokenException)
        {
            return Refuse("JWT", "The field \u201cJWT\u201d is missing or is not a JSON Web Token.");
        }

        using (payload)
        {
            if (payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Refuse("JWT", "The field \u201cJWT\u201d is missing or is not a JSON Web Token: its payload is no JSON object.");
            }

            // The unverified iss only picks whose keys to check the signature with.
            var client = clients.Find(Text(payload.RootElement, "iss"), urls);
            var refusal = await CheckSignatureAsync(jwt, token, client, cancellationToken)
                ?? CheckClaims(payload.RootElement, urls, client);
            return refusal is not null ? (null, refusal) : Read(payload.RootElement);
        }
    }

    private async Task<DeepLinkingRefusal?> CheckSignatureAsync(string jwt, JsonWebToken token, ToolClient client, CancellationToken cancellationToken)
    {
        if (token.Alg != SecurityAlgorithms.RsaSha256)
        {
            return new("alg", $"The response must be signed with RS256; its header says \u201c{token.Alg}\u201d.");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return new("kid", "The response's header has no kid, so the platform cannot tell which of the tool's keys signed it.");
        }

        var jwksUrl = client.JwksUri;
        var keys = await jwks.KeysAsync(jwksUrl, token.Kid, cancellationToken);
        if (keys is null)
        {
            return new("kid", $"The tool's public key set at {jwksUrl} could not be read.");
        }

        if (keys.Count == 0)
        {
            return new("kid", $"The tool's public key set at {jwksUrl} has no key with kid \u201c{token.Kid}\u201d (unknown kid).");
        }

        var result = await handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            TryAllIssuerSigningKeys = false,
        });
        return result.IsValid
            ? null
            : new("signature", $"The signature does not verify with the tool's public key \u201c{token.Kid}\u201d.");
    }

    private DeepLinkingRefusal? CheckClaims(JsonElement claims, PlatformUrls urls, ToolClient client)
    {
        var issuer = Text(claims, "iss");
        if (issuer != client.ClientId)
        {
            return new("iss", $"iss must be the tool's client id \u201c{client.ClientId}\u201d; it is \u201c{issuer}\u201d.");
        }

        if (!Audiences(claims).Contains(urls.Issuer, StringComparer.Ordinal))
        {
            return new("aud", $"aud must be this platform's issuer \u201c{urls.Issuer}\u201d (a string, or an array holding it).");
        }

        var now = timeProvider.GetUtcNow();
        var expires = Time(claims, "exp");
        if (expires is null)
        {
            return new("exp", "exp is required: a NumericDate.");
        }

        if (expires.Value + Leeway <= now)
        {
            return new("exp", $"The response has expired: exp {expires.Value:u} is before now ({now:u}).");
        }

        var issuedAt = Time(claims, "iat");
        if (issuedAt is null)
        {
            return new("iat", "iat is required: a NumericDate.");
        }

        if (issuedAt.Value > now + Leeway)
        {
            return new("iat", $"iat {issuedAt.Value:u} is in the future (now is {now:u}).");
        }

        if (string.IsNullOrEmpty(Text(claims, "nonce")))
        {
            return new("nonce", "nonce is required: a fresh string.");
        }

        var messageType = Text(claims, LtiClaimNames.MessageType);
        if (messageType != DeepLinkingNames.ResponseMessageType)
        {
            return new("message_type", $"{LtiClaimNames.MessageType} must be {DeepLinkingNames.ResponseMessageType}; it is \u201c{messageType}\u201d.");
        }

        var version = Text(claims, LtiClaimNames.Version);
        if (version != LtiClaimNames.LtiVersion)
        {
            return new("version", $"{LtiClaimNames.Version} must be {LtiClaimNames.LtiVersion}; it is \u201c{version}\u201d.");
        }

        var deploymentId = Text(claims, LtiClaimNames.DeploymentId);
        if (deploymentId != client.DeploymentId)
        {
            return new("deployment_id", $"{LtiClaimNames.DeploymentId} must be the deployment the request was sent with, \u201c{client.DeploymentId}\u201d; it is \u201c{deploymentId}\u201d.");
        }

        return null;
    }

    private (VerifiedDeepLinkingResponse?, DeepLinkingRefusal?) Read(JsonElement claims)
    {
        var data = Text(claims, DeepLinkingNames.Data);
        if (data is null)
        {
            return Refuse("data", $"The request carried data, so the response must echo it exactly in {DeepLinkingNames.Data}.");
        }

        var (request, problem) = requests.Find(data);
        if (request is null)
        {
            return Refuse("data", char.ToUpperInvariant(problem![0]) + problem[1..] + ".");
        }

        if (Text(claims, "iss") != request.ClientId)
        {
            return Refuse("iss", $"The request was sent to the tool with client id \u201c{request.ClientId}\u201d, so only it may answer.");
        }

        if (Text(claims, LtiClaimNames.DeploymentId) != request.DeploymentId)
        {
            return Refuse("deployment_id", $"The request was sent with deployment \u201c{request.DeploymentId}\u201d.");
        }

        var items = ContentItems.None;
        if (claims.TryGetProperty(DeepLinkingNames.ContentItems, out var array))
        {
            var (read, itemProblem) = ContentItems.Read(array);
            if (read is null)
            {
                return Refuse("content_items", char.ToUpperInvariant(itemProblem![0]) + itemProblem[1..] + ".");
            }

            items = read;
        }

        if (!request.AcceptMultiple && items.Count > 1)
        {
            return Refuse("accept_multiple", $"The request said accept_multiple false, so at most one content item may come back; {items.Count} did.");
        }

        return (new VerifiedDeepLinkingResponse(request, items, Text(claims, DeepLinkingNames.Message), Text(claims, DeepLinkingNames.ErrorMessage),
            Text(claims, DeepLinkingNames.Log), Text(claims, DeepLinkingNames.ErrorLog)), null);
    }

    private static IReadOnlyList<string> Audiences(JsonElement claims)
    {
        if (!claims.TryGetProperty("aud", out var aud))
        {
            return [];
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => [.. aud.EnumerateArray().Where(value => value.ValueKind == JsonValueKind.String).Select(value => value.GetString()!)],
            _ => [],
        };
    }

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds)
            && seconds is >= 0 and <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds((long)seconds)
            : null;

    private static (VerifiedDeepLinkingResponse?, DeepLinkingRefusal?) Refuse(string check, string sentence) => (null, new(check, sentence));
}

/// <summary>Which check a deep linking response failed (the claim or header it is about) and a sentence saying why.</summary>
internal sealed record DeepLinkingRefusal(string Check, string Sentence);

/// <summary>A deep linking response that passed every check, with the request it answers.</summary>
internal sealed record VerifiedDeepLinkingResponse(
    DeepLinkingRequest Request, ContentItems Items, string? Message, string? ErrorMessage, string? Log, string? ErrorLog);
