using System.Text.Json;
using System.Text.Json.Serialization;
using LtiCurriculum.Web.Install.Profile;

namespace LtiCurriculum.Web.Install.Config;

/// <summary>
/// The Canvas LTI 1.3 developer key configuration ("Paste JSON" or "Enter URL"), as Canvas's
/// "Manually Configuring LTI Advantage Tools" (doc/api/lti_dev_key_config.md) lays it out.
/// </summary>
public sealed record CanvasDeveloperKey(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("oidc_initiation_url")] string OidcInitiationUrl,
    [property: JsonPropertyName("target_link_uri")] string TargetLinkUri,
    [property: JsonPropertyName("public_jwk_url")] string PublicJwkUrl,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("extensions")] IReadOnlyList<CanvasExtension> Extensions,
    [property: JsonPropertyName("custom_fields")] IReadOnlyDictionary<string, string> CustomFields)
{
    public const string Platform = "canvas.instructure.com";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static CanvasDeveloperKey For(ToolProfile tool) => new(
        Title: tool.Name,
        Description: tool.Description,
        OidcInitiationUrl: tool.LoginUri,
        TargetLinkUri: tool.TargetLinkUri,
        PublicJwkUrl: tool.JwksUri,
        Scopes: tool.Scopes,
        Extensions:
        [
            new CanvasExtension(
                Domain: tool.Domain,
                ToolId: tool.ToolId,
                Platform: Platform,
                PrivacyLevel: tool.PrivacyLevel,
                Settings: new CanvasSettings(
                    Text: tool.Name,
                    IconUrl: tool.LogoUri,
                    Placements: [.. tool.Messages.SelectMany(message => message.Placements.Select(placement =>
                        new CanvasPlacement(placement, message.Type, message.TargetLinkUri, message.Label, tool.LogoUri)))])),
        ],
        CustomFields: tool.CustomParameters);

    public string ToJson() => JsonSerializer.Serialize(this, Indented);
}

public sealed record CanvasExtension(
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("tool_id")] string ToolId,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("privacy_level")] string PrivacyLevel,
    [property: JsonPropertyName("settings")] CanvasSettings Settings);

public sealed record CanvasSettings(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("icon_url")] string IconUrl,
    [property: JsonPropertyName("placements")] IReadOnlyList<CanvasPlacement> Placements);

public sealed record CanvasPlacement(
    [property: JsonPropertyName("placement")] string Placement,
    [property: JsonPropertyName("message_type")] string MessageType,
    [property: JsonPropertyName("target_link_uri")] string TargetLinkUri,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("icon_url")] string IconUrl);
