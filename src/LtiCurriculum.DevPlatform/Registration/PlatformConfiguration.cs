using System.Text.Json.Nodes;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The platform's OpenID configuration (LTI Dynamic Registration 1.0 §3.4, OpenID Connect Discovery 1.0 §3), as Moodle
/// (<c>mod/lti/openid-configuration.php</c>) or Canvas (<c>doc/api/registration.md</c>) write theirs, on this platform's URLs.
/// </summary>
internal static class PlatformConfiguration
{
    private static readonly string[] Variables =
    [
        "ResourceLink.id", "ResourceLink.title", "Context.id", "Context.title", "Context.label", "User.id", "User.username",
        "Person.name.full", "Person.name.given", "Person.name.family", "Person.email.primary", "Membership.role",
    ];

    public static JsonObject For(string flavour, PlatformUrls urls, string host)
    {
        var canvas = flavour == RegistrationNames.Canvas;
        var configuration = new JsonObject
        {
            ["issuer"] = urls.Issuer,
            ["authorization_endpoint"] = urls.Authorization,
            ["token_endpoint"] = urls.Token,
            ["token_endpoint_auth_methods_supported"] = Array("private_key_jwt"),
            ["token_endpoint_auth_signing_alg_values_supported"] = Array("RS256"),
            ["jwks_uri"] = urls.Jwks,
            ["registration_endpoint"] = urls.RegistrationEndpoint(flavour),
            ["scopes_supported"] = Array([.. AgsScopes.Offered, NrpsNames.Scope, .. canvas ? [] : new[] { "openid" }]),
            ["response_types_supported"] = Array("id_token"),
            ["id_token_signing_alg_values_supported"] = Array("RS256"),
            ["claims_supported"] = canvas
                ? Array("sub", "picture", "email", "name", "given_name", "family_name", "locale")
                : Array("sub", "iss", "name", "given_name", "family_name", "email"),
            ["subject_types_supported"] = Array("public", "pairwise"),
        };
        if (canvas)
        {
            // Canvas names an authorization server; this platform's token URL is the only client assertion aud it takes.
            configuration["authorization_server"] = urls.Token;
        }

        configuration[RegistrationNames.PlatformConfiguration] = canvas ? CanvasPlatform(host) : MoodlePlatform();
        return configuration;
    }

    private static JsonObject MoodlePlatform() => new()
    {
        ["product_family_code"] = RegistrationNames.Moodle,
        ["version"] = "4.5 (dev-platform)",
        ["messages_supported"] = new JsonArray(
            Message(LtiMessageTypes.ResourceLinkRequest),
            Message(LtiMessageTypes.DeepLinkingRequest, "AddContentMenu")),
        ["variables"] = Array(Variables),
    };

    private static JsonObject CanvasPlatform(string host) => new()
    {
        ["product_family_code"] = RegistrationNames.Canvas,
        ["version"] = "vCloud (dev-platform)",
        ["messages_supported"] = new JsonArray(
            Message(LtiMessageTypes.ResourceLinkRequest, "course_navigation", "link_selection", "assignment_view"),
            Message(LtiMessageTypes.DeepLinkingRequest, "assignment_selection", "link_selection", "editor_button", "module_index_menu_modal")),
        ["variables"] = Array([.. Variables, "Canvas.user.id", "Canvas.course.id"]),
        [RegistrationNames.CanvasAccountName] = "Development University",
        [RegistrationNames.CanvasAccountGuid] = $"{IdTokenClaims.PlatformGuid}:{host}",
    };

    private static JsonObject Message(string type, params string[] placements)
    {
        var message = new JsonObject { ["type"] = type };
        if (placements.Length > 0)
        {
            message["placements"] = Array(placements);
        }

        return message;
    }

    private static JsonArray Array(params string[] values) => new([.. values.Select(value => (JsonNode?)JsonValue.Create(value))]);
}
