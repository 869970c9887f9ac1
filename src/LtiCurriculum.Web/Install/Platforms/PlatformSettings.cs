namespace LtiCurriculum.Web.Install.Platforms;

/// <summary>
/// One platform registration as an admin types it: configuration section <c>Lti:Platforms:N</c>
/// (environment variables <c>Lti__Platforms__0__Issuer</c> …) or the CLI's <c>platforms add</c>.
/// </summary>
public sealed class PlatformSettings
{
    public string? Issuer { get; set; }
    public string? ClientId { get; set; }
    public string? AuthorizationEndpoint { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? JwksUri { get; set; }
    public List<string> DeploymentIds { get; set; } = [];
}
