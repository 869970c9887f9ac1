using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Tests.Harness;

/// <summary>
/// An RSA 2048 key pair the test platform signs with. The pairs are generated once per test run and never
/// change; every use imports the parameters into a fresh <see cref="RSA"/>, so nothing mutable is shared.
/// </summary>
internal sealed class TestKey
{
    private static readonly Lazy<TestKey> LazyPrimary = new(() => new TestKey("platform-key-1"));
    private static readonly Lazy<TestKey> LazyRotated = new(() => new TestKey("platform-key-2"));
    private static readonly Lazy<TestKey> LazyAttacker = new(() => new TestKey("attacker-key"));

    /// <summary>The key the platform signs with and publishes.</summary>
    public static TestKey Primary => LazyPrimary.Value;

    /// <summary>The key the platform rotates to.</summary>
    public static TestKey Rotated => LazyRotated.Value;

    /// <summary>A key the platform never published.</summary>
    public static TestKey Attacker => LazyAttacker.Value;

    private readonly RSAParameters _private;

    private TestKey(string keyId)
    {
        KeyId = keyId;
        using var rsa = RSA.Create(2048);
        _private = rsa.ExportParameters(includePrivateParameters: true);
        PublicParameters = rsa.ExportParameters(includePrivateParameters: false);
    }

    public string KeyId { get; }

    public RSAParameters PublicParameters { get; }

    /// <summary>Credentials for JsonWebTokenHandler; <paramref name="keyId"/> overrides the kid written to the header.</summary>
    public SigningCredentials Credentials(string? keyId = null) =>
        new(new RsaSecurityKey(_private) { KeyId = keyId ?? KeyId }, SecurityAlgorithms.RsaSha256);

    public byte[] Sign(byte[] data, HashAlgorithmName hash, RSASignaturePadding padding)
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(_private);
        return rsa.SignData(data, hash, padding);
    }

    public string PublicKeyPem()
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(PublicParameters);
        return rsa.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>The public key as a JWK; pass null to leave a member out.</summary>
    public JsonObject Jwk(string? keyId = null, string? use = "sig", string? alg = "RS256", string kty = "RSA")
    {
        var jwk = new JsonObject
        {
            ["kty"] = kty,
            ["kid"] = keyId ?? KeyId,
            ["n"] = Base64UrlEncoder.Encode(PublicParameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(PublicParameters.Exponent),
        };
        if (use is not null)
        {
            jwk["use"] = use;
        }
        if (alg is not null)
        {
            jwk["alg"] = alg;
        }
        return jwk;
    }
}

internal static class Jwks
{
    public static string Of(params TestKey[] keys) => Of([.. keys.Select(k => k.Jwk())]);

    public static string Of(params JsonObject[] keys) =>
        new JsonObject { ["keys"] = new JsonArray([.. keys]) }.ToJsonString();
}
