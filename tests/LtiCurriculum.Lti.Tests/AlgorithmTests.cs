using System.Security.Cryptography;
using System.Text;
using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>The algorithm step: RS256 and nothing else (1A-14).</summary>
public sealed class AlgorithmTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact] // 1A-14: the classic "alg":"none" with the signature left off
    public async Task Unsigned_alg_none_token_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) => RawJwt.Unsigned(RawJwt.Header(alg: "none"), claims));

        LaunchAssert.Failed(result, "id_token_malformed", 400);
        Assert.Equal(0, _host.Jwks.Calls);
    }

    [Fact] // 1A-14: "none" with something in the signature slot still names a forbidden algorithm
    public async Task Alg_none_with_a_signature_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) =>
            RawJwt.SignedWith(RawJwt.Json(RawJwt.Header(alg: "none")), RawJwt.Json(claims), _ => [1, 2, 3, 4]));

        LaunchAssert.Failed(result, "alg_not_allowed", 401);
        Assert.Equal("algorithm", result.FailedStep);
    }

    [Fact] // 1A-14: key confusion — HMAC keyed with the platform's public key, which anyone can download
    public async Task Hs256_keyed_with_the_platform_public_key_is_rejected()
    {
        var publicKeyAsSecret = Encoding.ASCII.GetBytes(TestKey.Primary.PublicKeyPem());

        var result = await _host.LaunchRawAsync((_, claims) => RawJwt.SignHs256(RawJwt.Header(alg: "HS256"), claims, publicKeyAsSecret));

        LaunchAssert.Failed(result, "alg_not_allowed", 401);
        Assert.Equal(0, _host.Jwks.Calls);
    }

    [Fact] // 1A-14: key confusion with the raw modulus as the secret
    public async Task Hs256_keyed_with_the_public_modulus_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) =>
            RawJwt.SignHs256(RawJwt.Header(alg: "HS256"), claims, TestKey.Primary.PublicParameters.Modulus!));

        LaunchAssert.Failed(result, "alg_not_allowed", 401);
    }

    [Theory] // 1A-14: anything not configured, even a real signature by the platform's key
    [InlineData("RS512")]
    [InlineData("PS256")]
    [InlineData("rs256")]
    [InlineData("RS256 ")]
    public async Task Other_algorithms_are_rejected_even_with_a_valid_rsa_signature(string alg)
    {
        var result = await _host.LaunchRawAsync((_, claims) =>
            RawJwt.SignedWith(RawJwt.Json(RawJwt.Header(alg: alg)), RawJwt.Json(claims),
                input => TestKey.Primary.Sign(input, alg == "RS512" ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256,
                    alg == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1)));

        LaunchAssert.Failed(result, "alg_not_allowed", 401);
    }

    [Fact] // 1A-14
    public async Task Es256_is_rejected()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = await _host.LaunchRawAsync((_, claims) =>
            RawJwt.SignedWith(RawJwt.Json(RawJwt.Header(alg: "ES256")), RawJwt.Json(claims), input => ecdsa.SignData(input, HashAlgorithmName.SHA256)));

        LaunchAssert.Failed(result, "alg_not_allowed", 401);
    }

    [Fact] // 1A-14
    public async Task Header_without_alg_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) =>
            RawJwt.SignedWith("""{"kid":"platform-key-1","typ":"JWT"}""", RawJwt.Json(claims),
                input => TestKey.Primary.Sign(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));

        LaunchAssert.Failed(result, "alg_not_allowed", 401);
    }

    [Fact] // 1A-14: the same forged-by-hand path accepts a proper RS256 token, so the forgeries above fail for their algorithm alone
    public async Task Hand_built_rs256_token_is_accepted()
    {
        var result = await _host.LaunchRawAsync((_, claims) => RawJwt.SignRs256(RawJwt.Header(), claims, TestKey.Primary));

        LaunchAssert.Succeeded(result);
    }
}
