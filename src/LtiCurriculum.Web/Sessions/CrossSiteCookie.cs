namespace LtiCurriculum.Web.Sessions;

/// <summary>
/// Cookie settings that survive an LMS iframe: SameSite=None needs Secure; Partitioned (CHIPS) keeps the
/// cookie working where the browser blocks unpartitioned third-party cookies. Plain http on a non-loopback
/// host cannot carry Secure cookies, so there the cookie falls back to Lax (no cross-site launches).
/// </summary>
public static class CrossSiteCookie
{
    public static CookieOptions Options(HttpRequest request, string path, DateTimeOffset expires)
    {
        var secureCapable = request.IsHttps || IsLoopback(request.Host.Host);
        var options = new CookieOptions
        {
            HttpOnly = true,
            Path = path,
            Expires = expires,
            IsEssential = true,
            Secure = secureCapable,
            SameSite = secureCapable ? SameSiteMode.None : SameSiteMode.Lax,
        };
        if (secureCapable)
        {
            options.Extensions.Add("Partitioned");
        }
        return options;
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
