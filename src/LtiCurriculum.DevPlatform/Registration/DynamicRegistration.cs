using System.Text.Json.Serialization;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// A tool this platform registered by LTI Dynamic Registration: the client id and deployment it gave the tool, and
/// what the tool asked for. Launches made with it use its login URL, redirect URIs, key set, scopes and messages.
/// </summary>
internal sealed record DynamicRegistration(
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("deploymentId")] string DeploymentId,
    [property: JsonPropertyName("flavour")] string Flavour,
    [property: JsonPropertyName("clientName")] string ClientName,
    [property: JsonPropertyName("initiateLoginUri")] string InitiateLoginUri,
    [property: JsonPropertyName("redirectUris")] IReadOnlyList<string> RedirectUris,
    [property: JsonPropertyName("jwksUri")] string JwksUri,
    [property: JsonPropertyName("targetLinkUri")] string TargetLinkUri,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("messages")] IReadOnlyList<RegisteredMessage> Messages,
    [property: JsonPropertyName("claims")] IReadOnlyList<string> Claims,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt)
{
    /// <summary>Where deep linking requests go: the tool's LtiDeepLinkingRequest message URL, else its target_link_uri.</summary>
    public string DeepLinkingTargetLinkUri =>
        Messages.FirstOrDefault(message => message.Type == LtiMessageTypes.DeepLinkingRequest)?.TargetLinkUri ?? TargetLinkUri;

    /// <summary>The login style the imitated platform uses: Moodle posts a form, Canvas redirects.</summary>
    public string LoginStyle => Flavour == RegistrationNames.Canvas ? LoginStyles.Get : LoginStyles.Post;
}

/// <summary>One message the tool declared in its registration (LTI Dynamic Registration 1.0 §3.6.1).</summary>
internal sealed record RegisteredMessage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("targetLinkUri")] string? TargetLinkUri,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("placements")] IReadOnlyList<string> Placements);
