namespace LtiCurriculum.DevPlatform;

/// <summary>Settings of the development platform, bound from the configuration section <c>DevPlatform</c>.</summary>
public sealed class DevPlatformOptions
{
    public const string SectionName = "DevPlatform";

    /// <summary>Whether the host maps the platform at all. Off unless asked for.</summary>
    public bool Enabled { get; set; }

    /// <summary>The client id the tool is registered under on this platform; the id_token's <c>aud</c>.</summary>
    public string ClientId { get; set; } = "lticurriculum-dev";

    public string DeploymentId { get; set; } = "dev-deployment-1";

    /// <summary>Path of the tool's OIDC login initiation endpoint, on the tool's origin.</summary>
    public string ToolLoginPath { get; set; } = "/lti/login";

    /// <summary>Path of the tool's launch endpoint: the only redirect_uri accepted, and the default target_link_uri.</summary>
    public string ToolLaunchPath { get; set; } = "/lti/launch";

    /// <summary><c>post</c> (Moodle: auto-submitted form) or <c>get</c> (Canvas: redirect with Canvas' extra parameters).</summary>
    public string LoginStyle { get; set; } = LoginStyles.Post;

    /// <summary>How the gradebook behaves at start: <c>standard</c>, <c>canvas</c> or <c>moodle</c>; switchable at run time.</summary>
    public string GradebookStyle { get; set; } = GradebookStyles.Standard;

    /// <summary>
    /// Absolute http(s) origin of the tool when it runs elsewhere (tests host the platform alone); null means the
    /// tool is on the origin of the request.
    /// </summary>
    public string? ToolOrigin { get; set; }

    /// <summary>Path of the tool's public key set on the tool's origin; client assertions are checked against it.</summary>
    public string ToolJwksPath { get; set; } = "/.well-known/jwks.json";

    /// <summary>
    /// Whether Names and Role Provisioning Services are on at start: the launch claim, the memberships endpoint and the
    /// scope at the token endpoint. Switchable at run time, also per course (POST control/nrps).
    /// </summary>
    public bool NrpsEnabled { get; set; } = true;

    /// <summary>How long an access token from the token endpoint is good for.</summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 3600;
}
