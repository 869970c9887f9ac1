namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Everything one LTI 1.3 launch message says, as <see cref="IdTokenBuilder"/> signs it.
/// A null optional value means the claim is left out: no <see cref="Subject"/> is an anonymous launch,
/// no <see cref="ContextId"/> is a launch outside a course, no <see cref="ResourceLinkId"/> leaves out the
/// resource_link claim (as on deep linking requests), and no <see cref="DeepLinkReturnUrl"/> leaves out the
/// deep_linking_settings claim.
/// </summary>
public sealed record DevLaunch
{
    public required string Issuer { get; init; }

    /// <summary>The tool's client id: the token's <c>aud</c>, sent as a plain string like Moodle does.</summary>
    public required string ClientId { get; init; }

    public required string DeploymentId { get; init; }

    /// <summary>The nonce of the tool's authentication request.</summary>
    public required string Nonce { get; init; }

    /// <summary>The user's <c>sub</c>; null for an anonymous launch.</summary>
    public string? Subject { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary><see cref="LtiMessageTypes.ResourceLinkRequest"/> or <see cref="LtiMessageTypes.DeepLinkingRequest"/>.</summary>
    public string MessageType { get; init; } = LtiMessageTypes.ResourceLinkRequest;

    public required string TargetLinkUri { get; init; }

    public string? ResourceLinkId { get; init; }

    public string? ResourceLinkTitle { get; init; }

    /// <summary>The resource_link claim's <c>description</c>.</summary>
    public string? ResourceLinkDescription { get; init; }

    /// <summary>Sent as <c>launch_presentation.document_target</c>.</summary>
    public string DocumentTarget { get; init; } = "iframe";

    public string? ContextId { get; init; }

    public string? ContextLabel { get; init; }

    public string? ContextTitle { get; init; }

    public string? Name { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? Email { get; init; }

    /// <summary>Sent as <c>launch_presentation.locale</c>.</summary>
    public string Locale { get; init; } = "en";

    /// <summary>Sent as <c>launch_presentation.return_url</c>.</summary>
    public string? ReturnUrl { get; init; }

    /// <summary>The custom claim (string to string); left out when empty.</summary>
    public IReadOnlyDictionary<string, string> Custom { get; init; } = new Dictionary<string, string>();

    public string? DeepLinkReturnUrl { get; init; }

    public IReadOnlyList<string> AcceptTypes { get; init; } = ["ltiResourceLink"];

    public IReadOnlyList<string> AcceptPresentationDocumentTargets { get; init; } = ["iframe", "window"];

    public bool AcceptMultiple { get; init; } = true;

    /// <summary>deep_linking_settings <c>accept_lineitem</c>: the platform makes the line items the items declare.</summary>
    public bool AcceptLineItem { get; init; } = true;

    /// <summary>deep_linking_settings <c>auto_create</c>: the items become links without a further step.</summary>
    public bool AutoCreate { get; init; } = true;

    /// <summary>The deep_linking_settings <c>data</c> the tool must echo; left out when null.</summary>
    public string? DeepLinkingData { get; init; }

    /// <summary>The NRPS claim's context_memberships_url; the claim is left out when null.</summary>
    public string? MembershipsUrl { get; init; }

    /// <summary>The AGS endpoint claim; left out when null.</summary>
    public AgsEndpointClaim? AgsEndpoint { get; init; }

    /// <summary><c>tool_platform.product_family_code</c>: "canvas" or "moodle" when the gradebook imitates one.</summary>
    public string ProductFamilyCode { get; init; } = IdTokenClaims.ProductFamilyCode;
}
