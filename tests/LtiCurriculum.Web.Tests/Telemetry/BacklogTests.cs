using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using LtiCurriculum.Web.Grades;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Telemetry;

/// <summary>Scores that wait: the outbox gauges count them and time the oldest, and /health/ready turns Degraded when it waits too long.</summary>
public sealed class BacklogTests
{
    /// <summary>No worker delivers, so the submitted score stays pending while the clock moves.</summary>
    private static ToolSettings Undelivered(FakeTimeProvider clock) =>
        new() { Clock = clock, Configuration = new Dictionary<string, string?> { ["Grades:DeliveryEnabled"] = "false" } };

    [Fact]
    public async Task The_outbox_gauges_count_pending_scores_and_time_the_oldest()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(Undelivered(clock));
        var before = Observe(tool);

        await SubmitOneRightAnswerAsync(tool);
        clock.Advance(GradeBacklog.CacheFor);
        var fresh = Observe(tool);
        clock.Advance(TimeSpan.FromMinutes(90));
        var old = Observe(tool);

        Assert.Equal((0L, 0d), before);
        // The database keeps instants to a tenth of a millisecond.
        Assert.Equal(1, fresh.Pending);
        Assert.Equal(GradeBacklog.CacheFor.TotalSeconds, fresh.AgeSeconds, tolerance: 0.001);
        Assert.Equal(1, old.Pending);
        Assert.Equal(GradeBacklog.CacheFor.TotalSeconds + 5400, old.AgeSeconds, tolerance: 0.001);
    }

    [Fact]
    public async Task Scrapes_within_a_few_seconds_are_answered_from_one_read()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(Undelivered(clock));
        var first = Observe(tool);

        await SubmitOneRightAnswerAsync(tool);
        var cached = Observe(tool);
        clock.Advance(GradeBacklog.CacheFor);
        var next = Observe(tool);

        Assert.Equal(first, cached);
        Assert.Equal(1, next.Pending);
    }

    [Fact]
    public async Task A_scrape_the_database_cannot_answer_reports_no_value_instead_of_failing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(Undelivered(clock));
        // Open connections stay pooled, so a deleted file would still answer; a missing table cannot.
        await tool.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE GradeDeliveries RENAME TO GradeDeliveriesGone", TestContext.Current.CancellationToken));
        clock.Advance(GradeBacklog.CacheFor);

        Assert.Equal((-1L, -1d), Observe(tool));
    }

    [Fact]
    public async Task Ready_turns_degraded_naming_the_age_once_a_score_has_waited_past_the_setting()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(Undelivered(clock));
        using var browser = tool.NewBrowser();
        await SubmitOneRightAnswerAsync(tool);

        clock.Advance(TimeSpan.FromMinutes(59));
        var young = await browser.GetAsync(tool.Url("/health/ready"));
        clock.Advance(TimeSpan.FromMinutes(2));
        var old = await browser.GetAsync(tool.Url("/health/ready"));

        Assert.Equal(HttpStatusCode.OK, young.Status);
        Assert.Equal("Healthy", Backlog(young)["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, old.Status);
        Assert.Equal("Degraded", (string?)JsonNode.Parse(old.Html)!["status"]);
        var backlog = Backlog(old);
        Assert.Equal("Degraded", (string?)backlog["status"]);
        Assert.Equal("1 score(s) wait for delivery; the oldest for 3660 s (Grades:PendingAgeDegradedAfter is 01:00:00).", (string?)backlog["description"]);
    }

    [Fact]
    public async Task A_pending_age_threshold_under_a_minute_stops_the_start_naming_the_key()
    {
        var settings = new ToolSettings { Configuration = new Dictionary<string, string?> { ["Grades:PendingAgeDegradedAfter"] = "00:00:10" } };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ToolInstance.StartAsync(settings));

        Assert.Contains("Grades:PendingAgeDegradedAfter must be between 00:01:00 and 30.00:00:00.", error.Message, StringComparison.Ordinal);
    }

    private static JsonNode Backlog(WebPage ready) =>
        JsonNode.Parse(ready.Html)!["checks"]!.AsArray().Single(c => (string?)c!["name"] == "grade-backlog")!;

    /// <summary>The two gauges as this tool's meter reports them now, -1 for no value (only its own: other tests' tools share the process).</summary>
    private static (long Pending, double AgeSeconds) Observe(ToolInstance tool)
    {
        _ = tool.Services.GetRequiredService<GradeTelemetry>();
        var ours = tool.Services.GetRequiredService<IMeterFactory>();
        long pending = -1;
        double age = -1;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == GradeTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, ours)) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => { if (instrument.Name == "grades.outbox.pending") pending = value; });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => { if (instrument.Name == "grades.outbox.oldest_pending_age") age = value; });
        listener.Start();
        listener.RecordObservableInstruments();
        return (pending, age);
    }
}
