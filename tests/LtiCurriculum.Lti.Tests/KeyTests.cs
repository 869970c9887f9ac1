using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>The kid, signing-key and signature steps (1A-14, 1A-15; certification §7 A "no kid", "kid not in JWKS").</summary>
public sealed class KeyTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact] // 1A-14, 7A "no kid in the JWT header"
    public async Task Token_without_kid_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) => RawJwt.SignRs256(RawJwt.Header(kid: null), claims, TestKey.Primary));

        LaunchAssert.Failed(result, "kid_missing", 401);
        Assert.Equal("kid", result.FailedStep);
        Assert.Equal(0, _host.Jwks.Calls);
    }

    [Fact] // 1A-14
    public async Task Token_with_empty_kid_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) => RawJwt.SignRs256(RawJwt.Header(kid: ""), claims, TestKey.Primary));

        LaunchAssert.Failed(result, "kid_missing", 401);
    }

    [Fact] // 1A-14: an absurd kid never reaches the key cache
    public async Task Oversized_kid_is_rejected_without_fetching_keys()
    {
        var result = await _host.LaunchRawAsync((_, claims) => RawJwt.SignRs256(RawJwt.Header(kid: new string('k', 5000)), claims, TestKey.Primary));

        LaunchAssert.Failed(result, "kid_missing", 401);
        Assert.Equal(0, _host.Jwks.Calls);
    }

    [Fact] // 1A-15, 7A "kid not in the platform JWKS"
    public async Task Unknown_kid_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) => IdToken.Sign(claims, TestKey.Attacker));

        LaunchAssert.Failed(result, "kid_unknown", 401);
        Assert.Equal("signing-key", result.FailedStep);
    }

    [Fact] // 1A-14: payload altered after signing (here: a learner makes themself instructor)
    public async Task Payload_altered_after_signing_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) =>
        {
            var token = IdToken.Sign(claims, TestKey.Primary);
            claims[Claim.Roles] = new[] { Role.Instructor };
            return RawJwt.WithPayload(token, claims);
        });

        LaunchAssert.Failed(result, "signature_invalid", 401);
        Assert.Equal("signature", result.FailedStep);
    }

    [Fact] // 1A-14: the header is signed too
    public async Task Header_altered_after_signing_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) =>
        {
            var parts = IdToken.Sign(claims, TestKey.Primary).Split('.');
            return $"{RawJwt.Segment("""{"alg":"RS256","kid":"platform-key-1","typ":"JWT","x":1}""")}.{parts[1]}.{parts[2]}";
        });

        LaunchAssert.Failed(result, "signature_invalid", 401);
    }

    [Fact] // 1A-14: the platform's kid on a token signed by someone else's key
    public async Task Token_signed_by_another_key_under_the_platform_kid_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) => IdToken.Sign(claims, TestKey.Attacker, keyId: TestKey.Primary.KeyId));

        LaunchAssert.Failed(result, "signature_invalid", 401);
    }

    [Fact] // 1A-15: keys come from the registered key set only, never from the token's own header (jwk / jku)
    public async Task Key_embedded_in_the_header_is_not_trusted()
    {
        var result = await _host.LaunchRawAsync((_, claims) =>
        {
            var header = RawJwt.Header();
            header["jwk"] = TestKey.Attacker.Jwk(keyId: TestKey.Primary.KeyId);
            header["jku"] = "https://attacker.example/jwks.json";
            return RawJwt.SignRs256(header, claims, TestKey.Attacker);
        });

        LaunchAssert.Failed(result, "signature_invalid", 401);
        Assert.All(_host.Jwks.Requests, r => Assert.Equal(LtiTestHost.JwksUri, r.RequestUri!.AbsoluteUri));
    }

    [Fact] // 1A-14
    public async Task Truncated_signature_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) => IdToken.Sign(claims, TestKey.Primary)[..^10]);

        LaunchAssert.Failed(result, "signature_invalid", 401);
    }

    [Fact] // 1A-14
    public async Task Signature_that_is_not_base64url_is_rejected()
    {
        var result = await _host.LaunchRawAsync((_, claims) => IdToken.Sign(claims, TestKey.Primary)[..^4] + "!!!!");

        LaunchAssert.Failed(result, "signature_invalid", 401);
    }

    [Theory] // 1A-15: the platform's key set cannot be had
    [InlineData(JwksOutage.ServerError)]
    [InlineData(JwksOutage.NotFound)]
    [InlineData(JwksOutage.Timeout)]
    [InlineData(JwksOutage.ConnectionRefused)]
    [InlineData(JwksOutage.Garbage)]
    public async Task Jwks_endpoint_down_is_a_502(JwksOutage outage)
    {
        _host.Jwks.Fail(outage);

        var result = await _host.LaunchAsync();

        LaunchAssert.Failed(result, "platform_jwks_unavailable", 502);
        Assert.Equal(1, _host.Jwks.Calls);
    }

    [Fact] // 1A-15: the key set is fetched from the registration's URL, asking for JSON
    public async Task Keys_are_fetched_from_the_registered_jwks_url()
    {
        LaunchAssert.Succeeded(await _host.LaunchAsync());

        var request = Assert.Single(_host.Jwks.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(LtiTestHost.JwksUri, request.RequestUri!.AbsoluteUri);
        Assert.Contains(request.Headers.Accept, a => a.MediaType == "application/json");
    }

    [Fact] // 1A-14 with RFC 7518 §3.3 ("a key of size 2048 bits or larger MUST be used" with RS256): a weak published key is not trusted
    public async Task Rsa_key_shorter_than_2048_bits_is_not_trusted()
    {
        using var weak = RSA.Create(1024);
        var p = weak.ExportParameters(false);
        _host.Jwks.ServeJson(Jwks.Of(
            new JsonObject { ["kty"] = "RSA", ["kid"] = "weak-key", ["use"] = "sig", ["alg"] = "RS256", ["n"] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(p.Modulus), ["e"] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(p.Exponent) },
            TestKey.Primary.Jwk()));

        var result = await _host.LaunchRawAsync((_, claims) =>
            RawJwt.SignedWith(RawJwt.Json(RawJwt.Header(kid: "weak-key")), RawJwt.Json(claims), input => weak.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));

        LaunchAssert.Failed(result, "kid_unknown", 401);
    }
}
