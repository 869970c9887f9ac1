using System.Security.Cryptography;
using LtiCurriculum.Lti.Storage;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Ags;

/// <summary>The JWT bearer client assertion of a token request (1EdTech Security Framework §4.1).</summary>
internal static class ClientAssertion
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// iat is put this far in the past: Moodle's token.php checks iat with zero leeway, so a platform clock a few
    /// seconds behind ours would see an assertion issued "in the future" and reject it.
    /// </summary>
    public static readonly TimeSpan ClockAllowance = TimeSpan.FromSeconds(5);

    public static string Create(AgsPlatform platform, ToolKey key, DateTimeOffset now)
    {
        var issuedAt = now - ClockAllowance;
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "JWT",
            Issuer = platform.ClientId,
            // Exactly as stored: Canvas rejects an aud that differs by a trailing slash.
            Audience = string.IsNullOrEmpty(platform.TokenAudience) ? platform.TokenEndpoint : platform.TokenAudience,
            IssuedAt = issuedAt.UtcDateTime,
            Expires = (issuedAt + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = platform.ClientId,
                [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.Parameters) { KeyId = key.KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }
}
