using System.Text.Json;
using LtiCurriculum.Lti.Storage;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Keys;

/// <summary>The tool's public keys as a JWKS document (RFC 7517), for <c>/.well-known/jwks.json</c>.</summary>
public static class ToolKeySetDocument
{
    public static string Serialize(IEnumerable<ToolKey> keys)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys)
            {
                writer.WriteStartObject();
                writer.WriteString("kty", "RSA");
                writer.WriteString("kid", key.KeyId);
                writer.WriteString("alg", SecurityAlgorithms.RsaSha256);
                writer.WriteString("use", "sig");
                writer.WriteString("n", Base64UrlEncoder.Encode(key.Parameters.Modulus));
                writer.WriteString("e", Base64UrlEncoder.Encode(key.Parameters.Exponent));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
