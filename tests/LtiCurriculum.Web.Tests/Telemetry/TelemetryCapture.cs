using System.Collections;
using System.Diagnostics;
using LtiCurriculum.Web.Hosting.Telemetry;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LtiCurriculum.Web.Tests.Telemetry;

/// <summary>
/// The spans and metrics one tool exported through its OpenTelemetry pipeline, with in-memory exporters hooked in as
/// <see cref="TelemetryExporter"/>. Listeners are process-wide and other tests' tools run alongside, so spans are
/// picked by trace: a trace is this tool's when one of its spans talked to this tool's port.
/// </summary>
internal sealed class TelemetryCapture
{
    private readonly LockedList<Activity> _spans = new();
    private readonly LockedList<MetricSnapshot> _metrics = new();

    public ToolSettings Into(ToolSettings settings) => settings with
    {
        Configure = builder =>
        {
            settings.Configure?.Invoke(builder);
            builder.Services.AddSingleton(new TelemetryExporter(t => t.AddInMemoryExporter(_spans), m => m.AddInMemoryExporter(_metrics)));
        },
    };

    /// <summary>Every span of every trace that reached <paramref name="tool"/>'s port (as server or as client).</summary>
    public IReadOnlyList<Activity> SpansOf(ToolInstance tool)
    {
        var all = _spans.Snapshot();
        var port = tool.BaseAddress.Port;
        var traces = all.Where(s => s.GetTagItem("server.port") is int p && p == port).Select(s => s.TraceId).ToHashSet();
        return [.. all.Where(s => traces.Contains(s.TraceId))];
    }

    /// <summary>Waits (bounded) until a span of <paramref name="tool"/> satisfies <paramref name="done"/>: spans end after the response is sent.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForSpansAsync(ToolInstance tool, Func<IReadOnlyList<Activity>, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var spans = SpansOf(tool);
            if (done(spans)) return spans;
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what}. Spans: {string.Join(", ", spans.Select(s => s.DisplayName))}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Collects every instrument now and returns what was exported so far.</summary>
    public IReadOnlyList<MetricSnapshot> FlushMetrics(ToolInstance tool)
    {
        Assert.True(tool.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "the metrics did not flush");
        return _metrics.Snapshot();
    }

    public static IEnumerable<Activity> Ancestors(Activity span, IReadOnlyList<Activity> spans)
    {
        for (var parent = spans.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null; parent = spans.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            yield return parent;
        }
    }

    /// <summary>Exporters add from whichever thread ends a span; the test reads copies.</summary>
    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> _items = [];
        private readonly Lock _gate = new();

        public int Count { get { lock (_gate) return _items.Count; } }

        public bool IsReadOnly => false;

        public T[] Snapshot() { lock (_gate) return [.. _items]; }

        public void Add(T item) { lock (_gate) _items.Add(item); }

        public void Clear() { lock (_gate) _items.Clear(); }

        public bool Contains(T item) { lock (_gate) return _items.Contains(item); }

        public void CopyTo(T[] array, int arrayIndex) { lock (_gate) _items.CopyTo(array, arrayIndex); }

        public bool Remove(T item) { lock (_gate) return _items.Remove(item); }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
