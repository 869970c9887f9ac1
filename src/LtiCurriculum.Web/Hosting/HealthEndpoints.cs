using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace LtiCurriculum.Web.Hosting;

internal static class HealthEndpoints
{
    /// <summary>
    /// /health/live: the process answers. /health/ready: it can also reach its database (else 503), and its key ring
    /// is encrypted at rest in Production (else 200 "Degraded").
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
