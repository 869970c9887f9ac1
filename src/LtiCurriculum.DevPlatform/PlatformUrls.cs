using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>The platform's and the tool's absolute URLs, all on the origin the browser used for this request.</summary>
internal sealed record PlatformUrls(string Origin)
{
    /// <summary>Where the platform is mapped, relative to the host's path base.</summary>
    public const string BasePath = "/dev-platform";

    public static PlatformUrls For(HttpRequest request) =>
        new($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}");

    /// <summary>The <c>iss</c> of every id_token, and the page that lists the demo courses.</summary>
    public string Issuer => Origin + BasePath;

    public string Authorization => Issuer + "/authorize";

    /// <summary>Published for registration; not served yet (AGS comes later).</summary>
    public string Token => Issuer + "/token";

    public string Jwks => Issuer + "/jwks";

    public string Launch => Issuer + "/launch";

    public string Return => Issuer + "/return";

    public string DeepLinkReturn => Issuer + "/deep-link-return";

    public string OnTool(string path) => Origin + path;

    public DevPlatformRegistration Registration(DevPlatformOptions options) =>
        new(Issuer, options.ClientId, Authorization, Token, Jwks, options.DeploymentId);
}
