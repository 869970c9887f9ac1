using System.Text.Json.Nodes;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Grades;

/// <summary>
/// Several app instances on one database, and an instance killed mid-delivery. The platform (the development
/// platform inside an instance whose own delivery is off) counts what it received.
/// </summary>
[Trait("Category", ServerDatabaseMatrix.Category)]
public sealed class GradeDurabilityTests
{
    private static Dictionary<string, string?> NoDelivery => new() { ["Grades:DeliveryEnabled"] = "false" };

    [Fact]
    public async Task Two_instances_draining_one_database_deliver_each_score_exactly_once_in_order()
    {
        await using var platform = await ToolInstance.StartAsync(Fast(more: NoDelivery));
        using var gradebook = DevGradebook.Of(platform);
        await SubmitOneRightAnswerAsync(platform);
        var seeded = await OutboxSeed.AddAsync(platform, "link-cc-1", learners: 60, scoresEach: 3);

        var shared = new Dictionary<string, string?> { ["Grades:BatchSize"] = "16", ["Grades:ConcurrencyPerPlatform"] = "4" };
        await using var first = await ToolInstance.StartAsync(Fast(more: shared, databaseFile: platform.DatabaseFile));
        await using var second = await ToolInstance.StartAsync(Fast(more: shared, databaseFile: platform.DatabaseFile));

        var rows = await WaitForOutboxAsync(platform, rows => rows.All(r => r.Status == GradeDeliveryStatus.Delivered), "every score delivered", seconds: 60);
        Assert.Equal(seeded.Count + 1, rows.Count);
        var book = await gradebook.ReadAsync();
        AssertEachScoreOnceInOrder(book, seeded, allowedReplays: 0);
        Assert.Equal(1, (long)book["counters"]!["lineItemsCreated"]!);
    }

    [Fact]
    public async Task Instance_killed_mid_delivery_loses_nothing_and_repeats_nothing_visible()
    {
        await using var platform = await ToolInstance.StartAsync(Fast(more: NoDelivery));
        using var gradebook = DevGradebook.Of(platform);
        await SubmitOneRightAnswerAsync(platform);
        var seeded = await OutboxSeed.AddAsync(platform, "link-cc-1", learners: 300, scoresEach: 2);
        // Slow enough that the kill lands while scores are in flight.
        await gradebook.AddFaultAsync(new { target = "scores", kind = "delay", delayMs = 15 });

        var settings = new Dictionary<string, string?>
        {
            ["DevPlatform:Enabled"] = "false",
            ["Grades:LeaseDuration"] = "00:00:03",
            ["Grades:BatchSize"] = "64",
            ["Grades:RequestTimeout"] = "00:00:00.500",
            ["Grades:PollInterval"] = "00:00:00.100",
            ["Grades:FirstRetryDelay"] = "00:00:00.200",
            ["Grades:MaxRetryDelay"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        using (var doomed = await ChildTool.StartAsync(platform.DatabaseFile, settings))
        {
            await gradebook.WaitForAsync(b => (long)b["counters"]!["scoresAccepted"]! >= 150, "the first scores", seconds: 60);
            doomed.Kill();
        }
        var afterKill = await DeliveriesAsync(platform);
        Assert.Contains(afterKill, r => r.Status == GradeDeliveryStatus.Pending);

        using var restarted = await ChildTool.StartAsync(platform.DatabaseFile, settings);
        await WaitForOutboxAsync(platform, rows => rows.All(r => r.Status == GradeDeliveryStatus.Delivered), "every score delivered after the restart", seconds: 90);
        await gradebook.ClearFaultsAsync();
        // A score in flight at the kill may be sent again after the restart, with its own timestamp: the platform
        // recognises the repeat (same learner, line item and timestamp) and the gradebook shows it once.
        AssertEachScoreOnceInOrder(await gradebook.ReadAsync(), seeded, allowedReplays: 64 /* one batch */);
    }

    private static void AssertEachScoreOnceInOrder(JsonNode book, IReadOnlyList<GradeDeliveryEntity> seeded, int allowedReplays)
    {
        var accepted = ScoreLog(book).Where(e => (int)e["status"]! is >= 200 and < 300 && ((string?)e["userId"])!.StartsWith("seed-", StringComparison.Ordinal)).ToList();
        var replays = accepted.Count(e => (bool)e["replay"]!);
        Assert.InRange(replays, 0, allowedReplays);
        var firstTimes = accepted.Where(e => !(bool)e["replay"]!).ToList();
        var expected = seeded.Count;
        Assert.Equal(expected, firstTimes.Count);
        Assert.Equal(expected, firstTimes.Select(e => ((string?)e["userId"], (string?)e["timestamp"])).Distinct().Count());
        foreach (var learner in firstTimes.GroupBy(e => (string?)e["userId"]))
        {
            var scores = learner.Select(e => (decimal)e["scoreGiven"]!).ToList();
            Assert.Equal(scores.OrderBy(s => s), scores);
            Assert.Equal(scores.Max(), (decimal)Result(book, learner.Key!)["scoreGiven"]!);
        }
    }
}
