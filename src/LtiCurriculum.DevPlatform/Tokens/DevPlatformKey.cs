using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The platform's own RSA 2048 signing key, made once per instance (a singleton in DI), so a restart publishes a new key.
/// Its <see cref="KeyId"/> is the RFC 7638 thumbprint of the public key.
/// </summary>
public sealed class DevPlatformKey : IDisposable
{
    private readonly RSA rsa;

    public DevPlatformKey()
    {
        rsa = RSA.Create(2048);
        var securityKey = new RsaSecurityKey(rsa);
        KeyId = Base64UrlEncoder.Encode(securityKey.ComputeJwkThumbprint());
        securityKey.KeyId = KeyId;
        SigningCredentials = new SigningCredentials(securityKey, SecurityAlgorithms.RsaSha256);
        JwksJson = PublicJwksJson(rsa.ExportParameters(includePrivateParameters: false), KeyId);
    }

    public string KeyId { get; }

    /// <summary>RS256 credentials whose key carries <see cref="KeyId"/>, so signed tokens have a <c>kid</c> header.</summary>
    public SigningCredentials SigningCredentials { get; }

    /// <summary>The public key set: <c>{"keys":[{"kty","n","e","kid","alg":"RS256","use":"sig"}]}</c>.</summary>
    public string JwksJson { get; }

    public void Dispose() => rsa.Dispose();

    private static string PublicJwksJson(RSAParameters parameters, string keyId)
    {
        var jwk = new PublicRsaJwk(
            "RSA",
            Base64UrlEncoder.Encode(parameters.Modulus),
            Base64UrlEncoder.Encode(parameters.Exponent),
            keyId,
            SecurityAlgorithms.RsaSha256,
            "sig");
        return JsonSerializer.Serialize(new PublicJwks([jwk]));
    }

    private sealed record PublicJwks([property: JsonPropertyName("keys")] IReadOnlyList<PublicRsaJwk> Keys);

    private sealed record PublicRsaJwk(
        [property: JsonPropertyName("kty")] string KeyType,
        [property: JsonPropertyName("n")] string Modulus,
        [property: JsonPropertyName("e")] string Exponent,
        [property: JsonPropertyName("kid")] string KeyId,
        [property: JsonPropertyName("alg")] string Algorithm,
        [property: JsonPropertyName("use")] string Use);
}
