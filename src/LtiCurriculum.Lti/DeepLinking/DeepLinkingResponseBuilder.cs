using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Lti.Storage;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.DeepLinking;

/// <summary>
/// Signs an <c>LtiDeepLinkingResponse</c> (Deep Linking 2.0 §4.5): RS256 with the tool's key, kid in the header.
/// The host posts the token to <c>deep_link_return_url</c> in the form field <see cref="FormFieldName"/>.
/// </summary>
public sealed class DeepLinkingResponseBuilder(TimeProvider time)
{
    /// <summary>The form field that carries the response (Deep Linking 2.0 §4.5).</summary>
    public const string FormFieldName = "JWT";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The payload travels base64url-encoded, never inside HTML: only what JSON itself requires is escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The signed response. Invalid descriptions (no issuer, client id or deployment) are ArgumentExceptions.</summary>
    public string CreateJwt(DeepLinkingResponse response, ToolKey signingKey)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentException.ThrowIfNullOrEmpty(response.PlatformIssuer, "response.PlatformIssuer");
        ArgumentException.ThrowIfNullOrEmpty(response.ClientId, "response.ClientId");
        ArgumentException.ThrowIfNullOrEmpty(response.DeploymentId, "response.DeploymentId");

        var credentials = new SigningCredentials(new RsaSecurityKey(signingKey.Parameters) { KeyId = signingKey.KeyId }, SecurityAlgorithms.RsaSha256);
        return _handler.CreateToken(Payload(response, time.GetUtcNow()), credentials);
    }

    internal static string Payload(DeepLinkingResponse response, DateTimeOffset now)
    {
        // Moodle checks iat with zero leeway: a platform clock a few seconds behind ours must not see the future.
        var issuedAt = now - ClientAssertion.ClockAllowance;
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(JwtRegisteredClaimNames.Iss, response.ClientId);
            writer.WriteString(JwtRegisteredClaimNames.Aud, response.PlatformIssuer);
            writer.WriteNumber(JwtRegisteredClaimNames.Iat, issuedAt.ToUnixTimeSeconds());
            writer.WriteNumber(JwtRegisteredClaimNames.Exp, (issuedAt + Lifetime).ToUnixTimeSeconds());
            writer.WriteString(JwtRegisteredClaimNames.Nonce, OpaqueTokens.NewToken());
            writer.WriteString(LtiClaimNames.MessageType, LtiMessageTypes.DeepLinkingResponse);
            writer.WriteString(LtiClaimNames.Version, "1.3.0");
            writer.WriteString(LtiClaimNames.DeploymentId, response.DeploymentId);
            writer.WriteStartArray(LtiClaimNames.ContentItems);
            foreach (var item in response.Items ?? [])
            {
                JsonSerializer.Serialize(writer, item, DeepLinkingJsonContext.Default.ContentItem);
            }
            writer.WriteEndArray();
            WriteIfPresent(writer, LtiClaimNames.DeepLinkingData, response.Data);
            WriteIfPresent(writer, LtiClaimNames.DeepLinkingMsg, response.Message);
            WriteIfPresent(writer, LtiClaimNames.DeepLinkingLog, response.Log);
            WriteIfPresent(writer, LtiClaimNames.DeepLinkingErrorMsg, response.ErrorMessage);
            WriteIfPresent(writer, LtiClaimNames.DeepLinkingErrorLog, response.ErrorLog);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
