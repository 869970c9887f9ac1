using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.Claims;

// Typed forms of the LTI claims. Unknown members are ignored on read (forward compatibility, checklist 36).

public sealed record ResourceLinkClaim(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("description")] string? Description = null);

public sealed record ContextClaim(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("label")] string? Label = null,
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("type")] IReadOnlyList<string>? Type = null);

public sealed record ToolPlatformClaim(
    [property: JsonPropertyName("guid")] string? Guid,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("version")] string? Version = null,
    [property: JsonPropertyName("product_family_code")] string? ProductFamilyCode = null,
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("contact_email")] string? ContactEmail = null);

public sealed record LaunchPresentationClaim(
    [property: JsonPropertyName("document_target")] string? DocumentTarget = null,
    [property: JsonPropertyName("height")] double? Height = null,
    [property: JsonPropertyName("width")] double? Width = null,
    [property: JsonPropertyName("return_url")] string? ReturnUrl = null,
    [property: JsonPropertyName("locale")] string? Locale = null);

public sealed record LisClaim(
    [property: JsonPropertyName("person_sourcedid")] string? PersonSourcedId = null,
    [property: JsonPropertyName("course_offering_sourcedid")] string? CourseOfferingSourcedId = null,
    [property: JsonPropertyName("course_section_sourcedid")] string? CourseSectionSourcedId = null);

/// <summary>Assignment and Grade Services endpoint claim (AGS 2.0 §3.1).</summary>
public sealed record AgsEndpointClaim(
    [property: JsonPropertyName("scope")] IReadOnlyList<string>? Scope = null,
    [property: JsonPropertyName("lineitems")] string? LineItems = null,
    [property: JsonPropertyName("lineitem")] string? LineItem = null);

/// <summary>Names and Role Provisioning Services claim (NRPS 2.0 §3.6.1.1).</summary>
public sealed record NrpsClaim(
    [property: JsonPropertyName("context_memberships_url")] string? ContextMembershipsUrl = null,
    [property: JsonPropertyName("service_versions")] IReadOnlyList<string>? ServiceVersions = null);

/// <summary>Deep Linking 2.0 §4.4.1 settings.</summary>
public sealed record DeepLinkingSettingsClaim(
    [property: JsonPropertyName("deep_link_return_url")] string? DeepLinkReturnUrl = null,
    [property: JsonPropertyName("accept_types")] IReadOnlyList<string>? AcceptTypes = null,
    [property: JsonPropertyName("accept_presentation_document_targets")] IReadOnlyList<string>? AcceptPresentationDocumentTargets = null,
    [property: JsonPropertyName("accept_media_types")] string? AcceptMediaTypes = null,
    [property: JsonPropertyName("accept_multiple")] bool? AcceptMultiple = null,
    [property: JsonPropertyName("accept_lineitem")] bool? AcceptLineItem = null,
    [property: JsonPropertyName("auto_create")] bool? AutoCreate = null,
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("data")] string? Data = null);

/// <summary>The id_token payload as the tool reads it. Vendor claims are not declared and so are ignored.</summary>
internal sealed class IdTokenPayload
{
    [JsonPropertyName("iss")] public string? Issuer { get; set; }
    [JsonPropertyName("aud"), JsonConverter(typeof(StringOrArrayConverter))] public string[]? Audience { get; set; }
    [JsonPropertyName("azp")] public string? AuthorizedParty { get; set; }
    [JsonPropertyName("sub")] public string? Subject { get; set; }
    [JsonPropertyName("nonce")] public string? Nonce { get; set; }
    [JsonPropertyName("exp")] public double? ExpiresAt { get; set; }
    [JsonPropertyName("iat")] public double? IssuedAt { get; set; }
    [JsonPropertyName("nbf")] public double? NotBefore { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("given_name")] public string? GivenName { get; set; }
    [JsonPropertyName("family_name")] public string? FamilyName { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName(LtiClaimNames.MessageType)] public string? MessageType { get; set; }
    [JsonPropertyName(LtiClaimNames.Version)] public string? Version { get; set; }
    [JsonPropertyName(LtiClaimNames.DeploymentId)] public string? DeploymentId { get; set; }
    [JsonPropertyName(LtiClaimNames.TargetLinkUri)] public string? TargetLinkUri { get; set; }
    [JsonPropertyName(LtiClaimNames.ResourceLink)] public ResourceLinkClaim? ResourceLink { get; set; }
    [JsonPropertyName(LtiClaimNames.Roles)] public string[]? Roles { get; set; }
    [JsonPropertyName(LtiClaimNames.Context)] public ContextClaim? Context { get; set; }
    [JsonPropertyName(LtiClaimNames.ToolPlatform)] public ToolPlatformClaim? ToolPlatform { get; set; }
    [JsonPropertyName(LtiClaimNames.LaunchPresentation)] public LaunchPresentationClaim? LaunchPresentation { get; set; }
    [JsonPropertyName(LtiClaimNames.Custom), JsonConverter(typeof(CustomClaimConverter))] public Dictionary<string, string>? Custom { get; set; }
    [JsonPropertyName(LtiClaimNames.Lis)] public LisClaim? Lis { get; set; }
    [JsonPropertyName(LtiClaimNames.DeepLinkingSettings)] public DeepLinkingSettingsClaim? DeepLinkingSettings { get; set; }
    [JsonPropertyName(LtiClaimNames.AgsEndpoint)] public AgsEndpointClaim? AgsEndpoint { get; set; }
    [JsonPropertyName(LtiClaimNames.NrpsService)] public NrpsClaim? NrpsService { get; set; }
}

/// <summary>
/// The custom claim (LTI Core 1.3 §5.4.6) as names and text values. Values are strings by the specification; a value a
/// platform sends as a number, a boolean, null, an object or an array keeps its JSON text ("3", "true"), read straight
/// from the token rather than through a JSON document per value.
/// </summary>
internal sealed class CustomClaimConverter : JsonConverter<Dictionary<string, string>>
{
    public override Dictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected an object of custom parameters");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            values[name] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.StartObject or JsonTokenType.StartArray => JsonElement.ParseValue(ref reader).GetRawText(),
                _ => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            };
        }
        return values;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, text) in value)
        {
            writer.WriteString(name, text);
        }
        writer.WriteEndObject();
    }
}

/// <summary><c>aud</c> may be a single string or an array of strings (RFC 7519 §4.1.3).</summary>
internal sealed class StringOrArrayConverter : JsonConverter<string[]>
{
    public override string[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [reader.GetString()!];
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("expected a string or an array of strings");
        }
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("expected only strings in the array");
            }
            values.Add(reader.GetString()!);
        }
        return [.. values];
    }

    public override void Write(Utf8JsonWriter writer, string[] value, JsonSerializerOptions options)
    {
        if (value.Length == 1)
        {
            writer.WriteStringValue(value[0]);
            return;
        }
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }
        writer.WriteEndArray();
    }
}

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString, MaxDepth = 32)]
[JsonSerializable(typeof(IdTokenPayload))]
internal sealed partial class LtiJsonContext : JsonSerializerContext;
