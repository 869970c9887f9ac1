using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>Builds the tool's client assertion JWT; <c>change</c> edits the claims to make a bad one.</summary>
internal static class ClientAssertion
{
    public const string ClientId = "lticurriculum-dev";

    public static string Sign(
        SigningCredentials credentials, string audience, DateTimeOffset now, Action<Dictionary<string, object>>? change = null)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = ClientId,
            ["sub"] = ClientId,
            ["aud"] = audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        change?.Invoke(claims);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = credentials,
        });
    }
}
