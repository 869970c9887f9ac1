namespace LtiCurriculum.Web.Launch;

/// <summary>Configuration section <c>Tool</c>.</summary>
public sealed class ToolOptions
{
    public const string SectionName = "Tool";

    /// <summary>
    /// The tool's public address, e.g. https://lti.example.edu. Set it behind a proxy or load balancer:
    /// redirect_uri must match what platforms registered, character for character. When empty, the
    /// address of the incoming request is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>The absolute addresses platforms know this tool by.</summary>
public static class ToolUrls
{
    public const string LoginPath = "/lti/login";
    public const string LaunchPath = "/lti/launch";
    public const string JwksPath = "/.well-known/jwks.json";

    public static string BaseUrl(HttpRequest request, ToolOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}"
            : options.PublicBaseUrl.TrimEnd('/');

    public static Uri LaunchUri(HttpRequest request, ToolOptions options) => new(BaseUrl(request, options) + LaunchPath);
}
