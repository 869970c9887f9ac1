using LtiCurriculum.Web.Hosting.Framing;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Hosting;

/// <summary>
/// Headers on every response: the session token travels in URLs, so the Referrer-Policy keeps it from ever reaching
/// another site; scripts run only from this origin. Pages may be framed only by the registered platforms, the
/// configured <c>Security:FrameAncestors</c> and the tool itself (see <see cref="FrameAncestors"/>). X-Frame-Options is
/// never sent: it cannot name several origins, and browsers that know frame-ancestors ignore it anyway.
/// </summary>
internal static class SecurityHeaders
{
    private const string PolicyWithoutFraming =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors ";

    // The policy for the registered platforms' list, kept while FrameAncestors returns the same list (a kilobyte per response otherwise).
    private static Tuple<string, string>? _lastPolicy;

    private static string PolicyFor(string frameAncestors)
    {
        var last = Volatile.Read(ref _lastPolicy);
        if (last is not null && ReferenceEquals(last.Item1, frameAncestors))
        {
            return last.Item2;
        }
        var policy = PolicyWithoutFraming + frameAncestors;
        Volatile.Write(ref _lastPolicy, Tuple.Create(frameAncestors, policy));
        return policy;
    }

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FramingOptions>().Bind(configuration.GetSection(FramingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FramingOptions>, FramingOptionsValidator>();
        services.AddSingleton<FrameAncestors>();
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Resolved per request, not while the pipeline is built: a bad Security setting is reported at start like any other.
            var ancestors = context.RequestServices.GetRequiredService<FrameAncestors>();
            var registered = ancestors.GetAsync();
            if (!registered.IsCompletedSuccessfully)
            {
                return AfterLoadingAsync(context, next, ancestors, registered);
            }
            // The usual case (the list is loaded): no async state machine for every request.
            AddOnStarting(context, ancestors, registered.Result);
            return next(context);
        });

    private static async Task AfterLoadingAsync(HttpContext context, RequestDelegate next, FrameAncestors ancestors, ValueTask<string> registered)
    {
        AddOnStarting(context, ancestors, await registered);
        await next(context);
    }

    // Set as the response starts: handlers and error pages that clear the response would drop them otherwise.
    private static void AddOnStarting(HttpContext context, FrameAncestors ancestors, string registered) =>
        context.Response.OnStarting(static state =>
        {
            var (context, ancestors, registered) = (PendingHeaders)state;
            var headers = context.Response.Headers;
            headers["Referrer-Policy"] = "same-origin";
            headers["X-Content-Type-Options"] = "nosniff";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers["Content-Security-Policy"] = context.Features.Get<RegistrationFrameAncestors>() is { } registering
                    ? PolicyWithoutFraming + ancestors.With(registering.Origins)
                    : PolicyFor(registered);
            }
            return Task.CompletedTask;
        }, new PendingHeaders(context, ancestors, registered));

    private sealed record PendingHeaders(HttpContext Context, FrameAncestors Ancestors, string Registered);
}
