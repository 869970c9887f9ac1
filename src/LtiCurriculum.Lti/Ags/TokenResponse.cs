using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.Ags;

/// <summary>RFC 6749 §5.1 access token response.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] double? ExpiresIn);
