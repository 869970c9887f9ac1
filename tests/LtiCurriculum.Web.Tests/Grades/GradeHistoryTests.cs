using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Grades;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Grades;

public sealed class GradeHistoryTests
{
    [Fact]
    public async Task Old_delivered_scores_are_removed_but_each_learners_latest_stays()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // Two days rather than the default year: advancing the fake clock fires every periodic timer of the tool once per
        // period on the way (the pack refresher's 30 s: a million times for a year, which took this test 100 s).
        var settings = Fast(more: new() { ["Grades:DeliveryEnabled"] = "false", ["Grades:KeepHistory"] = "2.00:00:00" }) with { Clock = clock };
        await using var tool = await ToolInstance.StartAsync(settings);
        await SubmitOneRightAnswerAsync(tool);
        var seeded = await OutboxSeed.AddAsync(tool, "link-cc-1", learners: 3, scoresEach: 3);
        var pendingId = seeded[^1].Id;
        await tool.QueryAsync(db => db.GradeDeliveries.Where(d => d.Id != pendingId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, GradeDeliveryStatus.Delivered), TestContext.Current.CancellationToken));
        var cleaner = tool.Services.GetServices<IHostedService>().OfType<GradeHistoryCleaner>().Single();

        Assert.Equal(0, await cleaner.CleanOnceAsync(TestContext.Current.CancellationToken));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await cleaner.CleanOnceAsync(TestContext.Current.CancellationToken));
        clock.Advance(TimeSpan.FromDays(1.5));
        // The cleaner's own timer may run first when the clock jumps; either way, per learner the two older of three
        // scores go, and Ana's single score and every latest score stay.
        await cleaner.CleanOnceAsync(TestContext.Current.CancellationToken);
        var left = await DeliveriesAsync(tool);
        Assert.Equal(4, left.Count);
        Assert.Contains(left, d => d.Id == pendingId);
    }
}
