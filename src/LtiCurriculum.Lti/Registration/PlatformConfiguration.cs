using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.Registration;

/// <summary>
/// The parts of a platform's OpenID configuration the tool reads (LTI Dynamic Registration 1.0 §3.3 and §3.4).
/// Everything else in the document is ignored.
/// </summary>
public sealed record PlatformConfiguration
{
    [JsonPropertyName("issuer")] public string? Issuer { get; init; }
    [JsonPropertyName("authorization_endpoint")] public string? AuthorizationEndpoint { get; init; }
    [JsonPropertyName("token_endpoint")] public string? TokenEndpoint { get; init; }
    [JsonPropertyName("jwks_uri")] public string? JwksUri { get; init; }
    [JsonPropertyName("registration_endpoint")] public string? RegistrationEndpoint { get; init; }
    [JsonPropertyName("token_endpoint_auth_methods_supported")] public IReadOnlyList<string>? TokenEndpointAuthMethodsSupported { get; init; }
    [JsonPropertyName("id_token_signing_alg_values_supported")] public IReadOnlyList<string>? IdTokenSigningAlgValuesSupported { get; init; }
    [JsonPropertyName("scopes_supported")] public IReadOnlyList<string>? ScopesSupported { get; init; }
    [JsonPropertyName("claims_supported")] public IReadOnlyList<string>? ClaimsSupported { get; init; }
    /// <summary>What the token endpoint wants as the client assertion's audience, when that is not the token endpoint itself.</summary>
    [JsonPropertyName("authorization_server")] public string? AuthorizationServer { get; init; }
    [JsonPropertyName(PlatformDetails.ClaimName)] public PlatformDetails? Platform { get; init; }

    public string? ProductFamily => Platform?.ProductFamilyCode;

    public bool IsCanvas => string.Equals(ProductFamily, "canvas", StringComparison.OrdinalIgnoreCase);

    /// <summary>The document, or null when it is not a JSON object with fields of the expected types.</summary>
    public static PlatformConfiguration? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Deserialize<PlatformConfiguration>() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The <c>https://purl.imsglobal.org/spec/lti-platform-configuration</c> object.</summary>
public sealed record PlatformDetails
{
    public const string ClaimName = "https://purl.imsglobal.org/spec/lti-platform-configuration";

    [JsonPropertyName("product_family_code")] public string? ProductFamilyCode { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("messages_supported")] public IReadOnlyList<SupportedMessage>? MessagesSupported { get; init; }
}

/// <summary>A message type the platform can send, and where it can place it.</summary>
public sealed record SupportedMessage
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("placements")] public IReadOnlyList<string>? Placements { get; init; }
}
