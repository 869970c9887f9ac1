using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The registration tokens this platform hands a tool when an admin starts a registration (LTI Dynamic Registration
/// 1.0 §3.3), good for <see cref="Lifetime"/>. Moodle's is a JWT signed with the platform key whose <c>sub</c> is the
/// client id the registration will get and whose <c>scope</c> is <c>reg</c>: nothing is stored, and once that client
/// id exists the token is spent. Canvas' is opaque, remembered here, and good for any number of calls until it expires.
/// </summary>
internal sealed class RegistrationTokens(DevPlatformKey key, TimeProvider timeProvider)
{
    public const int Capacity = 1000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Dictionary<string, DateTimeOffset> canvasTokens = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public string Issue(string flavour, string issuer)
    {
        var now = timeProvider.GetUtcNow();
        if (flavour == RegistrationNames.Moodle)
        {
            return handler.CreateToken(new SecurityTokenDescriptor
            {
                Claims = new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["iss"] = issuer,
                    ["aud"] = issuer,
                    ["sub"] = MoodleClientId(),
                    ["scope"] = RegistrationNames.MoodleTokenScope,
                    ["iat"] = now.ToUnixTimeSeconds(),
                    ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
                },
                SigningCredentials = key.SigningCredentials,
            });
        }

        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        lock (gate)
        {
            if (canvasTokens.Count >= Capacity)
            {
                canvasTokens.Remove(canvasTokens.MinBy(pair => pair.Value).Key);
            }

            canvasTokens[token] = now + Lifetime;
        }

        return token;
    }

    /// <summary>Whether a Canvas token was issued here and has not expired.</summary>
    public bool IsCanvasTokenValid(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        lock (gate)
        {
            return canvasTokens.TryGetValue(token, out var expires) && expires > timeProvider.GetUtcNow();
        }
    }

    /// <summary>The client id a Moodle token promises; null with the reason when it is not one this platform signed or has expired.</summary>
    public async Task<(string? ClientId, string? Problem)> ReadMoodleTokenAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || !handler.CanReadToken(token))
        {
            return (null, "the registration token is not a JWT this platform issued");
        }

        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = key.SigningCredentials.Key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        if (!result.IsValid)
        {
            return (null, "the registration token's signature does not verify with this platform's key");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<long>("exp", out var exp) || DateTimeOffset.FromUnixTimeSeconds(exp) <= timeProvider.GetUtcNow())
        {
            return (null, "the registration token has expired; start the registration again");
        }

        return jwt.TryGetPayloadValue<string>("scope", out var scope) && scope == RegistrationNames.MoodleTokenScope
            && jwt.TryGetPayloadValue<string>("sub", out var clientId) && !string.IsNullOrEmpty(clientId)
            ? (clientId, null)
            : (null, "the registration token has no sub or its scope is not reg");
    }

    /// <summary>Moodle's client ids are 15 random letters and digits.</summary>
    private static string MoodleClientId() =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 15);
}
