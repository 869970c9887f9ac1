using System.Collections.Concurrent;
using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LtiCurriculum.Web.Tests.Telemetry;

/// <summary>OpenTelemetry runs only when asked: with OTEL_EXPORTER_OTLP_ENDPOINT it exports traces, metrics and logs there; without it there is no pipeline.</summary>
public sealed class ExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_an_otlp_endpoint_no_opentelemetry_pipeline_is_built()
    {
        using var folder = new TempFolder();
        await using var app = ToolInstance.Build(new ToolSettings(), folder.DatabaseFile);

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void An_otlp_endpoint_that_is_not_an_http_url_stops_the_start_naming_the_key()
    {
        using var folder = new TempFolder();
        var settings = new ToolSettings { Configuration = new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "otel-collector:4318" } };

        var error = Assert.Throws<ConfigurationException>(() => ToolInstance.Build(settings, folder.DatabaseFile));

        Assert.StartsWith("OTEL_EXPORTER_OTLP_ENDPOINT is 'otel-collector:4318'; set it to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_traces_metrics_and_logs_are_sent_there()
    {
        await using var collector = await Collector.StartAsync();
        await using var tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Configuration = new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Origin,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            },
        });
        using var browser = tool.NewBrowser();

        await browser.GetAsync(tool.Url("/"));
        Assert.True(tool.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "traces did not flush");
        Assert.True(tool.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "metrics did not flush");
        Assert.True(tool.Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000), "logs did not flush");

        Assert.Contains("/v1/traces", collector.Received);
        Assert.Contains("/v1/metrics", collector.Received);
        Assert.Contains("/v1/logs", collector.Received);
    }

    /// <summary>An OTLP/HTTP receiver on 127.0.0.1 that answers every export with 200 and remembers the paths.</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Collector(WebApplication app, ConcurrentBag<string> received)
        {
            _app = app;
            Received = received;
            Origin = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');
        }

        public string Origin { get; }

        public ConcurrentBag<string> Received { get; }

        public static async Task<Collector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var received = new ConcurrentBag<string>();
            app.MapPost("/v1/{signal}", (HttpContext context) =>
            {
                received.Add(context.Request.Path.Value!);
                return Results.Bytes([], "application/x-protobuf");
            });
            await app.StartAsync(Ct);
            return new Collector(app, received);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }
}
