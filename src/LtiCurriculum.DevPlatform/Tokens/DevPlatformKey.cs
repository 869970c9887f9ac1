using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The platform's own RSA 2048 signing key, made once per instance (a singleton in DI), so a restart publishes a new key.
/// Its <see cref="KeyId"/> is the RFC 7638 thumbprint of the first public key; <see cref="ReplaceKeepingKeyId"/> swaps
/// the key pair under that same kid, as some platforms re-key (a test control).
/// </summary>
public sealed class DevPlatformKey : IDisposable
{
    private readonly List<RSA> keys = [];
    private volatile Signing current;

    public DevPlatformKey()
    {
        var rsa = RSA.Create(2048);
        KeyId = Base64UrlEncoder.Encode(new RsaSecurityKey(rsa).ComputeJwkThumbprint());
        current = Use(rsa);
    }

    public string KeyId { get; }

    /// <summary>RS256 credentials whose key carries <see cref="KeyId"/>, so signed tokens have a <c>kid</c> header.</summary>
    public SigningCredentials SigningCredentials => current.Credentials;

    /// <summary>The public key set: <c>{"keys":[{"kty","n","e","kid","alg":"RS256","use":"sig"}]}</c>.</summary>
    public string JwksJson => current.JwksJson;

    /// <summary>A new key pair from now on, published and signing under the unchanged <see cref="KeyId"/>.</summary>
    public void ReplaceKeepingKeyId() => current = Use(RSA.Create(2048));

    public void Dispose()
    {
        lock (keys)
        {
            // Replaced keys are disposed only here: a token may still be signing with one.
            keys.ForEach(rsa => rsa.Dispose());
        }
    }

    private Signing Use(RSA rsa)
    {
        lock (keys)
        {
            keys.Add(rsa);
        }
        var securityKey = new RsaSecurityKey(rsa) { KeyId = KeyId };
        return new Signing(new SigningCredentials(securityKey, SecurityAlgorithms.RsaSha256),
            PublicJwksJson(rsa.ExportParameters(includePrivateParameters: false), KeyId));
    }

    private sealed record Signing(SigningCredentials Credentials, string JwksJson);

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
