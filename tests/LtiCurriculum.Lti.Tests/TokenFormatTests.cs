using System.Text.RegularExpressions;
using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>
/// The token-format step: a bounded, three-part JWS with JSON header and payload whose claims have the
/// LTI types (1A-14; certification §7 A "payload that is not an LTI 1.3 JWT").
/// </summary>
public sealed class TokenFormatTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private Task<Launch.LaunchResult> LaunchForgedAsync(Func<LoginSession, Dictionary<string, object>, string> forge) => _host.LaunchRawAsync(forge);

    private static string Rs256(string headerJson, string payloadJson) =>
        RawJwt.SignedWith(headerJson, payloadJson, input => TestKey.Primary.Sign(input, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1));

    [Theory] // 1A-13: fail closed with a reason, not a stack trace
    [InlineData(null)]
    [InlineData("")]
    public async Task Launch_without_id_token_is_rejected(string? idToken)
    {
        var session = await _host.LoginAsync();

        var result = await _host.LaunchAsync(session, idToken);

        LaunchAssert.Failed(result, "id_token_missing", 400);
        Assert.Equal("token-format", result.FailedStep);
    }

    [Fact] // 1A-14
    public async Task Token_with_two_segments_is_rejected()
    {
        var result = await LaunchForgedAsync((_, claims) =>
        {
            var parts = IdToken.Sign(claims, TestKey.Primary).Split('.');
            return $"{parts[0]}.{parts[1]}";
        });

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }

    [Fact] // 1A-14: five segments is a JWE, which LTI never uses
    public async Task Token_with_five_segments_is_rejected()
    {
        var result = await LaunchForgedAsync((_, claims) => IdToken.Sign(claims, TestKey.Primary) + ".AAAA.BBBB");

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }

    [Fact] // 1A-14
    public async Task Token_with_bad_base64url_is_rejected()
    {
        var result = await LaunchForgedAsync((_, claims) =>
        {
            var parts = IdToken.Sign(claims, TestKey.Primary).Split('.');
            return $"{parts[0]}.%%%not*base64url%%%.{parts[2]}";
        });

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }

    [Fact] // RFC 7515 §2: JWS parts are base64url; the standard alphabet's '+' and '/' are not, even when the signature covers them
    public async Task Token_in_the_standard_base64_alphabet_is_rejected()
    {
        var result = await LaunchForgedAsync((_, claims) =>
        {
            // "~~~" is "fn5+" in standard base64; padding the claim shifts it onto a three-byte boundary.
            var header = RawJwt.Segment(RawJwt.Json(RawJwt.Header()));
            var payload = "";
            for (var pad = 0; pad < 3 && !payload.Contains('+'); pad++)
            {
                claims["filler"] = new string('a', pad) + "~~~~~~";
                payload = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(RawJwt.Json(claims))).TrimEnd('=');
            }
            Assert.True(payload.Contains('+') || payload.Contains('/'), "the payload must use the standard alphabet for this test");
            var signingInput = $"{header}.{payload}";
            var signature = TestKey.Primary.Sign(System.Text.Encoding.ASCII.GetBytes(signingInput),
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            return $"{signingInput}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(signature)}";
        });

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }

    [Fact] // 1A-14
    public async Task Token_with_bad_base64url_header_is_rejected()
    {
        var result = await LaunchForgedAsync((_, claims) =>
        {
            var parts = IdToken.Sign(claims, TestKey.Primary).Split('.');
            return $"e30$.{parts[1]}.{parts[2]}";
        });

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }

    [Fact] // 7A: a payload that is not JSON at all
    public async Task Token_with_non_json_payload_is_rejected()
    {
        var result = await LaunchForgedAsync((_, _) => Rs256(RawJwt.Json(RawJwt.Header()), "this is not json"));

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }

    [Theory] // 7A: JSON, but not a claims object
    [InlineData("[1,2,3]")]
    [InlineData("\"a string\"")]
    [InlineData("null")]
    public async Task Token_whose_payload_is_not_an_object_is_rejected(string payloadJson)
    {
        var result = await LaunchForgedAsync((_, _) => Rs256(RawJwt.Json(RawJwt.Header()), payloadJson));

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }

    [Fact] // 1A-14
    public async Task Token_with_non_json_header_is_rejected()
    {
        var result = await LaunchForgedAsync((_, claims) => Rs256("RS256 please", RawJwt.Json(claims)));

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }

    [Fact] // 1A-14: refused before any parsing
    public async Task One_megabyte_token_is_rejected_as_too_large()
    {
        var result = await LaunchForgedAsync((_, claims) =>
        {
            claims["padding"] = new string('x', 1024 * 1024);
            return IdToken.Sign(claims, TestKey.Primary);
        });

        LaunchAssert.Failed(result, "id_token_too_large", 400);
        Assert.Equal(0, _host.Jwks.Calls);
    }

    [Fact] // 1A-14: the limit is the configured one
    public async Task Token_over_the_configured_length_is_rejected()
    {
        using var host = new LtiTestHost(new Dictionary<string, string?> { ["Lti:MaxIdTokenLength"] = "2048" });

        var result = await host.LaunchAsync(claims => claims["padding"] = new string('x', 2048));

        LaunchAssert.Failed(result, "id_token_too_large", 400);
    }

    [Fact] // RFC 7515 §4.1.11: critical extensions this tool does not support make the JWS invalid
    public async Task Header_with_critical_extensions_is_rejected()
    {
        var result = await LaunchForgedAsync((_, claims) =>
            Rs256($$"""{"alg":"RS256","typ":"JWT","kid":"{{TestKey.Primary.KeyId}}","crit":["exp"],"exp":1}""", RawJwt.Json(claims)));

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }

    [Fact] // 1A-14: header parameters with the wrong JSON type
    public async Task Header_with_numeric_kid_is_rejected()
    {
        var result = await LaunchForgedAsync((_, claims) => Rs256("""{"alg":"RS256","kid":42}""", RawJwt.Json(claims)));

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }

    [Fact] // 1A-14: registered claims with the wrong JSON type
    public async Task Registered_claim_with_wrong_type_is_rejected()
    {
        var result = await LaunchForgedAsync((_, claims) =>
            Rs256(RawJwt.Json(RawJwt.Header()), Regex.Replace(RawJwt.Json(claims), "\"exp\":\\d+", "\"exp\":\"soon\"")));

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }

    [Fact] // 1A-26, 7A: an LTI claim with the wrong JSON type
    public async Task Lti_claim_with_wrong_type_is_rejected_as_malformed_claims()
    {
        var result = await _host.LaunchAsync(claims => claims["sub"] = 12345);

        var failure = LaunchAssert.Failed(result, "claims_malformed", 400);
        Assert.Contains("sub", failure.Description, StringComparison.Ordinal);
    }

    [Fact] // 1A-14: nesting bombs stop at the parser (built by hand: no JSON writer produces one)
    public async Task Deeply_nested_payload_is_rejected()
    {
        var result = await LaunchForgedAsync((_, claims) =>
        {
            claims[Claim.Custom] = new Dictionary<string, object> { ["bomb"] = "BOMB" };
            var payload = RawJwt.Json(claims).Replace("\"BOMB\"", new string('[', 200) + new string(']', 200), StringComparison.Ordinal);
            return Rs256(RawJwt.Json(RawJwt.Header()), payload);
        });

        LaunchAssert.Failed(result, "id_token_malformed", 400);
    }
}
