using System.Text.Json.Nodes;

namespace LtiCurriculum.Lti.Registration;

/// <summary>The client registration request (LTI Dynamic Registration 1.0 §3.5.2) for one platform.</summary>
public static class ClientRegistrationBody
{
    public const string ToolConfigurationName = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    public const string CanvasPrivacyLevelName = "https://canvas.instructure.com/lti/privacy_level";

    public static JsonObject Build(ToolRegistration tool, PlatformConfiguration platform)
    {
        var toolConfiguration = new JsonObject
        {
            ["domain"] = tool.Domain,
            ["target_link_uri"] = tool.TargetLinkUri,
            ["description"] = tool.Description,
            ["claims"] = Array(tool.Claims),
            ["messages"] = new JsonArray([.. tool.Messages.Select(m => (JsonNode)Message(m, platform))]),
        };
        if (platform.IsCanvas)
        {
            // Canvas's default is "anonymous": no names, so the roster and the gradebook could not name students.
            toolConfiguration[CanvasPrivacyLevelName] = tool.PrivacyLevel;
        }
        return new JsonObject
        {
            ["application_type"] = "web",
            ["grant_types"] = Array(["implicit", "client_credentials"]),
            ["response_types"] = Array(["id_token"]),
            ["redirect_uris"] = Array(tool.RedirectUris),
            ["initiate_login_uri"] = tool.InitiateLoginUri,
            ["client_name"] = tool.ClientName,
            ["jwks_uri"] = tool.JwksUri,
            ["logo_uri"] = tool.LogoUri,
            ["token_endpoint_auth_method"] = "private_key_jwt",
            ["scope"] = string.Join(' ', Scopes(tool, platform)),
            [ToolConfigurationName] = toolConfiguration,
        };
    }

    /// <summary>The tool's scopes, narrowed to those the platform lists when it lists any (asking for more makes some platforms refuse).</summary>
    public static IReadOnlyList<string> Scopes(ToolRegistration tool, PlatformConfiguration platform) =>
        platform.ScopesSupported is { Count: > 0 } supported
            ? [.. tool.Scopes.Where(s => supported.Contains(s, StringComparer.Ordinal))]
            : tool.Scopes;

    /// <summary>
    /// Canvas gets the tool's Canvas placement names (doc/api/registration.md, messages[].placements). Other platforms
    /// get only the placements they advertise for the message type; most advertise none and ignore the field.
    /// </summary>
    public static IReadOnlyList<string> Placements(ToolRegistrationMessage message, PlatformConfiguration platform)
    {
        if (platform.IsCanvas)
        {
            return message.Placements;
        }
        var advertised = platform.Platform?.MessagesSupported?
            .Where(s => s.Type == message.Type)
            .SelectMany(s => s.Placements ?? [])
            .ToHashSet(StringComparer.Ordinal) ?? [];
        return [.. message.Placements.Where(advertised.Contains)];
    }

    private static JsonObject Message(ToolRegistrationMessage message, PlatformConfiguration platform)
    {
        var json = new JsonObject
        {
            ["type"] = message.Type,
            ["target_link_uri"] = message.TargetLinkUri,
            ["label"] = message.Label,
        };
        if (Placements(message, platform) is { Count: > 0 } placements)
        {
            json["placements"] = Array(placements);
        }
        return json;
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
