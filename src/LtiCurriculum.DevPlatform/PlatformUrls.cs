using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The platform's absolute URLs, on the origin the browser used for this request, and the tool's, on
/// <paramref name="ToolOrigin"/> when the tool runs elsewhere or else on the same origin.
/// </summary>
internal sealed record PlatformUrls(string Origin, string? ToolOrigin = null)
{
    /// <summary>Where the platform is mapped, relative to the host's path base.</summary>
    public const string BasePath = "/dev-platform";

    public static PlatformUrls For(HttpRequest request)
    {
        var options = request.HttpContext.RequestServices.GetService<IOptions<DevPlatformOptions>>()?.Value;
        return new($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}", options?.ToolOrigin);
    }

    /// <summary>The <c>iss</c> of every id_token, and the page that lists the demo courses.</summary>
    public string Issuer => Origin + BasePath;

    public string Authorization => Issuer + "/authorize";

    /// <summary>The OAuth 2 token endpoint; a client assertion's <c>aud</c> must be exactly this string.</summary>
    public string Token => Issuer + "/token";

    public string Jwks => Issuer + "/jwks";

    public string Launch => Issuer + "/launch";

    public string Return => Issuer + "/return";

    public string DeepLinkReturn => Issuer + "/deep-link-return";

    public string Gradebook => Issuer + "/gradebook";

    /// <summary>A course's links as JSON: the built-in ones and those deep linking made.</summary>
    public string CourseLinksJson(string courseId) => $"{Issuer}/courses/{Uri.EscapeDataString(courseId)}/links.json";

    /// <summary>The NRPS context membership URL of a course (the claim's <c>context_memberships_url</c>).</summary>
    public string Memberships(string courseId) => $"{Issuer}/nrps/{Uri.EscapeDataString(courseId)}/memberships";

    /// <summary>The platform's OpenID configuration as the flavour (moodle, canvas) serves it (LTI Dynamic Registration 1.0 §3.4).</summary>
    public string OpenIdConfiguration(string flavour) => $"{Issuer}/registration/{flavour}/openid-configuration";

    /// <summary>The registration_endpoint of the flavour (LTI Dynamic Registration 1.0 §3.5).</summary>
    public string RegistrationEndpoint(string flavour) => $"{Issuer}/registration/{flavour}/register";

    /// <summary>The page listing the tools registered by dynamic registration, with a Launch button each.</summary>
    public string Registrations => Issuer + "/registrations";

    /// <summary>Where the home page's "Register a tool" form posts: the page that frames the tool's registration.</summary>
    public string RegisterTool => Issuer + "/register-tool";

    public string OnTool(string path) =>
        (string.IsNullOrEmpty(ToolOrigin) ? Origin : ToolOrigin.TrimEnd('/')) + path;

    public DevPlatformRegistration Registration(DevPlatformOptions options) =>
        new(Issuer, options.ClientId, Authorization, Token, Jwks, options.DeploymentId);
}
