using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using OpenTelemetry.Metrics;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Telemetry;

/// <summary>The metrics pipeline carries the tool's meters and the framework's (requests, HTTP calls, Kestrel, EF Core).</summary>
public sealed class MetricTests
{
    [Fact]
    public async Task Launches_deliveries_the_outbox_requests_and_database_work_are_exported()
    {
        var capture = new TelemetryCapture();
        await using var tool = await ToolInstance.StartAsync(capture.Into(Fast()));

        await SubmitOneRightAnswerAsync(tool);
        await WaitForOutboxAsync(tool, rows => rows.Count == 1 && rows[0].Status == GradeDeliveryStatus.Delivered, "delivered");
        var metrics = capture.FlushMetrics(tool);

        var names = metrics.Select(m => m.Name).ToHashSet();
        string[] expected =
        [
            "lti.launch.accepted", "grades.delivery.outcomes", "grades.outbox.pending", "grades.outbox.oldest_pending_age",
            "http.server.request.duration", "http.client.request.duration", "kestrel.active_connections",
            "microsoft.entityframeworkcore.queries", "microsoft.entityframeworkcore.savechanges",
        ];
        Assert.All(expected, name => Assert.Contains(name, names));
        Assert.Contains(Points(metrics, "lti.launch.accepted"), p => Tag(p, "message_type") == "LtiResourceLinkRequest" && p.GetSumLong() >= 1);
        Assert.Contains(Points(metrics, "grades.delivery.outcomes"), p => Tag(p, "outcome") == "Delivered" && Tag(p, "status") == "none");
    }

    private static IEnumerable<MetricPoint> Points(IReadOnlyList<MetricSnapshot> metrics, string name) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints);

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key) return tag.Value?.ToString();
        }
        return null;
    }
}
