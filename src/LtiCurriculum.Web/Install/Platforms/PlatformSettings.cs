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
    /// <summary>Optional: the platform's <c>authorization_server</c>, when its token endpoint wants that as the client assertion's audience instead of the token URL.</summary>
    public string? TokenAudience { get; set; }
    public string? JwksUri { get; set; }
    public List<string> DeploymentIds { get; set; } = [];
}
