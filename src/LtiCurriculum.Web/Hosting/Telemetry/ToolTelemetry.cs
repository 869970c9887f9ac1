using LtiCurriculum.Lti;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Grades;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LtiCurriculum.Web.Hosting.Telemetry;

/// <summary>
/// Traces and metrics over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (configuration or environment; the other
/// <c>OTEL_*</c> settings apply as the OpenTelemetry SDK defines them). Without it, and without a
/// <see cref="TelemetryExporter"/>, no OpenTelemetry SDK runs at all: the meters and sources cost next to nothing unheard.
/// </summary>
public static class ToolTelemetry
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The tool's own sources and meters, and the framework's that matter for it.</summary>
    public static readonly string[] Sources = [LtiActivities.SourceName, GradeTelemetry.SourceName, "Npgsql"];

    public static readonly string[] Meters =
    [
        LaunchTelemetry.MeterName, GradeTelemetry.MeterName,
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http",
        "Microsoft.EntityFrameworkCore", "Npgsql",
    ];

    public static IServiceCollection AddToolTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporters = services.Where(d => d.ServiceType == typeof(TelemetryExporter)).Select(d => d.ImplementationInstance).OfType<TelemetryExporter>().ToList();
        var endpoint = configuration[EndpointKey];
        var otlp = !string.IsNullOrWhiteSpace(endpoint);
        if (otlp && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new ConfigurationException(
                $"{EndpointKey} is '{endpoint}'; set it to the OpenTelemetry collector's http(s) URL (for example http://otel-collector:4318) or remove it to export nothing.");
        }
        if (!otlp && exporters.Count == 0)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "LtiCurriculum"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(Sources)
                    // Probes every few seconds would drown the traces worth reading.
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation();
                exporters.ForEach(e => e.Traces?.Invoke(tracing));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddRuntimeInstrumentation();
                exporters.ForEach(e => e.Metrics?.Invoke(metrics));
            });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
        return services;
    }
}
