using System.Buffers.Text;
using System.Text;
using LtiCurriculum.Web.Launch;

namespace LtiCurriculum.Web.Tests.Launch;

/// <summary>
/// The issuer and audience read from an id_token before it is checked, only to choose a platform's limits: the
/// top-level <c>iss</c> and first <c>aud</c>, nothing from nested objects, and nothing at all from a token that is not
/// three parts with a JSON object as its payload.
/// </summary>
public sealed class UnverifiedClaimsTests
{
    private static string Jwt(string payloadJson) =>
        $"eyJhbGciOiJSUzI1NiJ9.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson))}.c2lnbmF0dXJl";

    [Theory]
    [InlineData("""{"iss":"https://lms.example","aud":"tool-1"}""", "https://lms.example", "tool-1")]
    [InlineData("""{"aud":["tool-2","other"],"iss":"https://lms.example"}""", "https://lms.example", "tool-2")]
    [InlineData("""{"aud":[{"x":1},"tool"],"iss":"i"}""", "i", null)]
    [InlineData("""{"aud":[],"iss":"i"}""", "i", null)]
    [InlineData("""{"iss":{"iss":"nested"},"aud":"a"}""", null, "a")]
    [InlineData("""{"https://purl.imsglobal.org/spec/lti/claim/context":{"iss":"no","aud":"no"},"iss":"yes","aud":7}""", "yes", null)]
    [InlineData("""{"iss":"first","iss":"last"}""", "last", null)]
    public void Reads_the_top_level_issuer_and_first_audience(string payload, string? issuer, string? audience) =>
        Assert.Equal((issuer, audience), UnverifiedClaims.Read(Jwt(payload)));

    [Theory]
    [InlineData("""["iss","aud"]""")]
    [InlineData("""{"iss":"i","aud":"a"} trailing""")]
    [InlineData("""{"iss":"i","aud":""")]
    [InlineData("""{"iss":"i" /* comment */}""")]
    public void A_payload_that_is_not_one_json_object_gives_nothing(string payload) =>
        Assert.Equal((null, null), UnverifiedClaims.Read(Jwt(payload)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("only-one-part")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.!!!not-base64!!!.c2ln")]
    public void A_token_that_is_not_three_parts_of_base64url_gives_nothing(string? token) =>
        Assert.Equal((null, null), UnverifiedClaims.Read(token));

    [Fact]
    public void A_token_over_64_KB_is_not_read() =>
        Assert.Equal((null, null), UnverifiedClaims.Read(Jwt($$"""{"iss":"i","pad":"{{new string('x', 70_000)}}"}""")));
}
