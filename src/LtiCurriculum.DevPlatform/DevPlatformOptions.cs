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

    /// <summary>Path of the tool's OIDC login initiation endpoint, on the same origin as the platform.</summary>
    public string ToolLoginPath { get; set; } = "/lti/login";

    /// <summary>Path of the tool's launch endpoint: the only redirect_uri accepted, and the default target_link_uri.</summary>
    public string ToolLaunchPath { get; set; } = "/lti/launch";

    /// <summary><c>post</c> (Moodle: auto-submitted form) or <c>get</c> (Canvas: redirect with Canvas' extra parameters).</summary>
    public string LoginStyle { get; set; } = LoginStyles.Post;
}
