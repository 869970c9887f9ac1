namespace LtiCurriculum.Web.Hosting;

/// <summary>
/// Headers on every response: the session token travels in URLs, so the Referrer-Policy keeps it from
/// ever reaching another site. Pages are framed by LMSs we cannot list in advance (Canvas institutions
/// have their own domains), so frame-ancestors stays open; scripts run only from this origin.
/// </summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors *";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["Referrer-Policy"] = "same-origin";
            headers["X-Content-Type-Options"] = "nosniff";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers["Content-Security-Policy"] = ContentSecurityPolicy;
            }
            return Task.CompletedTask;
        });
        return next(context);
    });
}
