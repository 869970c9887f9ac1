using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Launch;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Hosting.Proxies;

/// <summary>
/// Without <c>Tool:PublicBaseUrl</c> the tool writes its own URLs (the launch's redirect_uri, the configuration and
/// registration documents) from the request's scheme and Host. A Host no URL can carry (a port over 65535, a name
/// System.Uri refuses) is answered 400 <c>host_invalid</c> here, before any of them is built; it failed as a 500 where
/// the URL was made. With <c>Tool:PublicBaseUrl</c> set the Host is never written, so nothing is checked.
/// </summary>
internal static class RequestHost
{
    private static readonly LaunchFailure Invalid = new("host_invalid", 400,
        "The Host header of this request does not name a valid host and port, so this tool cannot write its own address.");

    public static IApplicationBuilder UseRequestHostCheck(this IApplicationBuilder app)
    {
        if (!string.IsNullOrWhiteSpace(app.ApplicationServices.GetRequiredService<IOptions<ToolOptions>>().Value.PublicBaseUrl))
        {
            return app;
        }
        return app.Use((context, next) =>
            IsUsable(context.Request) || IsHostlessProbe(context.Request) ? next(context) : RequestBodyErrors.WriteAsync(context, Invalid));
    }

    // Load balancers' health checks may speak HTTP/1.0 without a Host (HAProxy's default httpchk does); the health
    // endpoints write no URL.
    private static bool IsHostlessProbe(HttpRequest request) => !request.Host.HasValue && request.Path.StartsWithSegments("/health");

    // True when ToolUrls.BaseUrl makes an absolute URL of this request's scheme and Host.
    private static bool IsUsable(HttpRequest request) =>
        request.Host.HasValue && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}/", UriKind.Absolute, out var uri) && uri.Host.Length > 0;
}
