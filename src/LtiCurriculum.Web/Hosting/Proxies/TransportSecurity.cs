using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Hosting.Proxies;

/// <summary>
/// Forwarded headers from the configured proxies only (<see cref="ProxyOptions"/>), then HSTS outside Development.
/// The URLs the tool writes come from <c>Tool:PublicBaseUrl</c> when it is set, whatever Host a request names.
/// </summary>
internal static class TransportSecurity
{
    /// <summary>A year: the tool is only ever served over https in Production, and browsers remember it across LMS sessions.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            // With both lists empty the middleware would believe every sender, so then it reads nothing at all.
            var any = proxies.Value.KnownProxies.Count > 0 || proxies.Value.KnownNetworks.Count > 0;
            forwarded.ForwardedHeaders = any ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost : ForwardedHeaders.None;
            // The framework trusts loopback by default; here only what is configured is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list is still consulted; it holds loopback by default too.
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
            // Walk X-Forwarded-For from the right through every trusted hop (a CDN in front of a load balancer), stopping at the first untrusted one.
            forwarded.ForwardLimit = null;
        });
        services.AddHsts(hsts => hsts.MaxAge = HstsMaxAge);
        return services;
    }

    public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        // After the forwarded headers: a trusted proxy's X-Forwarded-Host is the Host the tool writes.
        app.UseRequestHostCheck();
        if (app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return app;
        }
        // UseHsts() would set the header at once, and every refusal written later (413, 429, the exception page) clears
        // the headers first: set when the response starts instead, as UseHsts() would (https only, excluded hosts skipped).
        var hsts = app.ApplicationServices.GetRequiredService<IOptions<HstsOptions>>().Value;
        var value = $"max-age={(long)hsts.MaxAge.TotalSeconds}{(hsts.IncludeSubDomains ? "; includeSubDomains" : "")}{(hsts.Preload ? "; preload" : "")}";
        return app.Use((context, next) =>
        {
            if (context.Request.IsHttps && !hsts.ExcludedHosts.Contains(context.Request.Host.Host, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.StrictTransportSecurity = value;
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
    }
}
