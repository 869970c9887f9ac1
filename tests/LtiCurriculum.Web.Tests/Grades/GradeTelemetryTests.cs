using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Grades;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Grades;

public sealed class GradeTelemetryTests
{
    [Fact]
    public async Task Every_delivery_try_is_counted_by_outcome_and_status()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        var counted = new ConcurrentQueue<string>();
        var ours = tool.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener
        {
            // Only this app's meter: other tests' apps run in the same process.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == GradeTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, ours)) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var outcome = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            counted.Enqueue($"{outcome["outcome"]}/{outcome["status"]}");
        });
        listener.Start();

        await gradebook.AddFaultAsync(new { target = "scores", kind = "status", status = 500, count = 1 });
        await SubmitOneRightAnswerAsync(tool);
        await WaitForOutboxAsync(tool, rows => rows.Count == 1 && rows[0].Status == GradeDeliveryStatus.Delivered, "delivered");

        Assert.Equal(["Retry/500", "Delivered/none"], counted.ToArray());
    }
}
