using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Grades;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Grades;

/// <summary>
/// Platforms refuse a score whose timestamp is not newer than the last one (Canvas 400, Moodle 409), so scores for one
/// learner's link must never share a timestamp, even when writers on several instances add them in the same millisecond.
/// </summary>
[Trait("Category", ServerDatabaseMatrix.Category)]
public sealed class ScoreTimestampTests
{
    [Fact]
    public async Task Scores_written_at_once_for_one_learner_get_distinct_increasing_timestamps()
    {
        await using var tool = await ToolInstance.StartAsync(Fast(more: new() { ["Grades:DeliveryEnabled"] = "false" }));
        await SubmitOneRightAnswerAsync(tool);
        var attempt = await tool.QueryAsync(db => db.Attempts.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        var outbox = tool.Services.GetRequiredService<GradeOutbox>();
        var writes = tool.Services.GetRequiredService<WriteTransactions>();
        var contexts = tool.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>();
        var sameMillisecond = DateTimeOffset.UtcNow;

        // Eight writers (an instructor regrading while the learner resubmits, on several instances), one clock reading.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
            await writes.RunAsync(db, ct => outbox.AddAsync(db, attempt, isRegrade: true, sameMillisecond, ct), TestContext.Current.CancellationToken);
        })));

        var timestamps = (await DeliveriesAsync(tool)).Select(d => d.Timestamp).ToList();
        Assert.Equal(9, timestamps.Count);
        Assert.Equal(timestamps.Count, timestamps.Distinct().Count());
        Assert.All(timestamps.Order().Zip(timestamps.Order().Skip(1)), pair => Assert.True(pair.First < pair.Second));
    }
}
