using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LtiCurriculum.Web.Hosting.Telemetry;

/// <summary>
/// An exporter besides OTLP, registered as a singleton before <see cref="ToolTelemetry.AddToolTelemetry"/> runs (tests
/// add in-memory exporters this way). Registering one builds the OpenTelemetry pipeline even without an OTLP endpoint.
/// </summary>
public sealed record TelemetryExporter(Action<TracerProviderBuilder>? Traces = null, Action<MeterProviderBuilder>? Metrics = null);
