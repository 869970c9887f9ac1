using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Tests.Harness;

/// <summary>Signs claims the way a well-behaved platform does (JsonWebTokenHandler, RS256, kid in the header).</summary>
internal static class IdToken
{
    public static string Sign(Dictionary<string, object> claims, TestKey key, string? keyId = null)
    {
        // Times come only from the claims (the fake clock), never from DateTime.UtcNow.
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = key.Credentials(keyId),
        });
    }
}

/// <summary>
/// Assembles base64url(header).base64url(payload).base64url(signature) by hand, so a test can forge
/// anything a well-behaved library would refuse to produce.
/// </summary>
internal static class RawJwt
{
    public static string Segment(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public static Dictionary<string, object> Header(string alg = "RS256", string? kid = "platform-key-1")
    {
        var header = new Dictionary<string, object> { ["alg"] = alg, ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }
        return header;
    }

    /// <summary>RS256 over header.payload with <paramref name="key"/>, whatever the header claims.</summary>
    public static string SignRs256(object header, object payload, TestKey key) =>
        SignedWith(Json(header), Json(payload), input => key.Sign(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static string SignHs256(object header, object payload, byte[] secret) =>
        SignedWith(Json(header), Json(payload), input => HMACSHA256.HashData(secret, input));

    public static string SignedWith(string headerJson, string payloadJson, Func<byte[], byte[]> sign)
    {
        var signingInput = $"{Segment(headerJson)}.{Segment(payloadJson)}";
        return $"{signingInput}.{Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(signingInput)))}";
    }

    public static string Unsigned(object header, object payload) => $"{Segment(Json(header))}.{Segment(Json(payload))}.";

    /// <summary>Replaces the payload of a signed token but keeps its original signature.</summary>
    public static string WithPayload(string token, object payload)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Segment(Json(payload))}.{parts[2]}";
    }

    public static string HeaderJsonOf(string token) => Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[0]));

    public static string PayloadJsonOf(string token) => Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[1]));
}
