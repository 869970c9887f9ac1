using System.Diagnostics;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Grades;

/// <summary>Faults injected through the development platform: every score still arrives, once, in order.</summary>
public sealed class GradeFaultTests
{
    [Fact]
    public async Task Score_survives_a_platform_outage_and_arrives_once_in_order()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        await gradebook.AddFaultAsync(new { target = "scores", kind = "status", status = 500, count = 8 });

        // Two attempts each for two learners: four scores, two per learner, whose order matters.
        var (ana, _) = await SubmitOneRightAnswerAsync(tool);
        var (other, _) = await SubmitOneRightAnswerAsync(tool, DevPlatformLaunch.PrivateLearner);
        foreach (var learner in new[] { ana, other })
        {
            await learner.PostAsync("/learn/attempts", []);
            await learner.OpenAsync("/learn");
            await learner.SubmitAsync();
        }

        var rows = await WaitForOutboxAsync(tool, rows => rows.Count == 4 && rows.All(r => r.Status == GradeDeliveryStatus.Delivered), "all four delivered");
        Assert.Contains(rows, r => r.Failures > 0);
        var book = await gradebook.ReadAsync();
        foreach (var user in new[] { Ana, PrivateLearner })
        {
            var accepted = ScoreLog(book, user).Where(e => (int)e["status"]! is >= 200 and < 300).ToList();
            Assert.Equal(2, accepted.Count);
            Assert.All(accepted, e => Assert.False((bool)e["replay"]!));
            Assert.True(DateTimeOffset.Parse((string)accepted[0]["timestamp"]!) < DateTimeOffset.Parse((string)accepted[1]["timestamp"]!), "in order");
            // The gradebook holds the second (latest) attempt's score: attempt 2 has no answers, so 0 points.
            Assert.Equal(0m, (decimal)Result(book, user)["scoreGiven"]!);
        }
    }

    [Fact]
    public async Task Retry_after_on_429_is_honoured()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        await gradebook.AddFaultAsync(new { target = "scores", kind = "status", status = 429, retryAfter = "2", count = 1 });

        var clock = Stopwatch.StartNew();
        await SubmitOneRightAnswerAsync(tool);
        await gradebook.WaitForAsync(b => HasResult(b, Ana), "Ana's score");
        // Without Retry-After the first retry would come after 0.1–0.2 s (Grades:FirstRetryDelay).
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"delivered after {clock.Elapsed.TotalSeconds:0.00} s");
        var row = Assert.Single(await DeliveriesAsync(tool));
        Assert.Equal(1, row.Failures);
    }

    [Fact]
    public async Task Slow_platform_times_out_and_the_score_still_lands_once_in_the_gradebook()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        await gradebook.AddFaultAsync(new { target = "scores", kind = "delay", delayMs = 2500, count = 1 });

        var (_, points) = await SubmitOneRightAnswerAsync(tool);
        var rows = await WaitForOutboxAsync(tool, rows => rows.Count == 1 && rows[0].Status == GradeDeliveryStatus.Delivered, "delivered");
        Assert.True(rows[0].Failures >= 1, "the first try timed out (Grades:RequestTimeout is 1 s)");
        var book = await gradebook.WaitForAsync(b => HasResult(b, Ana), "Ana's score");
        Assert.Equal(points, (decimal)Result(book, Ana)["scoreGiven"]!);
        // The slow request may still have been applied after the tool gave up; the re-send carries the same timestamp.
        var accepted = ScoreLog(book, Ana).Where(e => (int)e["status"]! is >= 200 and < 300).ToList();
        Assert.Single(accepted.Select(e => (string?)e["timestamp"]).Distinct());
    }

    [Fact]
    public async Task Closed_connections_are_retried()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        await gradebook.AddFaultAsync(new { target = "scores", kind = "close", count = 2 });

        await SubmitOneRightAnswerAsync(tool);
        var rows = await WaitForOutboxAsync(tool, rows => rows.Count == 1 && rows[0].Status == GradeDeliveryStatus.Delivered, "delivered");
        Assert.Equal(2, rows[0].Failures);
        await gradebook.WaitForAsync(b => HasResult(b, Ana), "Ana's score");
    }

    [Fact]
    public async Task Revoked_token_is_refreshed_once_without_a_failure()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        await SubmitOneRightAnswerAsync(tool);
        await gradebook.WaitForAsync(b => HasResult(b, Ana), "Ana's score");
        Assert.Equal(1, await gradebook.CounterAsync("tokensIssued"));

        await gradebook.RevokeTokensAsync();
        await SubmitOneRightAnswerAsync(tool, DevPlatformLaunch.PrivateLearner);
        await gradebook.WaitForAsync(b => HasResult(b, PrivateLearner), "the second score");
        Assert.Equal(2, await gradebook.CounterAsync("tokensIssued"));
        Assert.All(await DeliveriesAsync(tool), r => Assert.Equal(0, r.Failures));
    }

    [Fact]
    public async Task Token_endpoint_outage_delays_but_does_not_lose_the_score()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        await gradebook.AddFaultAsync(new { target = "token", kind = "status", status = 503, count = 2 });

        await SubmitOneRightAnswerAsync(tool);
        await gradebook.WaitForAsync(b => HasResult(b, Ana), "Ana's score");
        var row = Assert.Single(await WaitForOutboxAsync(tool, rows => rows.All(r => r.Status == GradeDeliveryStatus.Delivered), "delivered"));
        Assert.Equal(2, row.Failures);
    }

    [Fact]
    public async Task Permanent_refusal_needs_attention_and_an_instructor_retry_delivers_it()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        await gradebook.AddFaultAsync(new { target = "scores", kind = "status", status = 400, count = 1 });

        await SubmitOneRightAnswerAsync(tool);
        var rows = await WaitForOutboxAsync(tool, rows => rows.Count == 1 && rows[0].Status == GradeDeliveryStatus.NeedsAttention, "needs attention");
        Assert.Equal(400, rows[0].LastStatusCode);
        Assert.Contains("refused", rows[0].LastError);

        var instructor = await LearnerSession.LaunchAsync(tool, "link-cc-1", DevPlatformLaunch.Instructor);
        var page = await instructor.OpenAsync("/teach/grades");
        Assert.Contains("Needs attention", page.Html);
        var retry = await instructor.PostAsync("/teach/grades/retry", [new("delivery", rows[0].Id.ToString())]);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, retry.Status);
        await gradebook.WaitForAsync(b => HasResult(b, Ana), "Ana's score after the retry");
    }

    [Fact]
    public async Task A_line_item_deleted_in_the_gradebook_is_created_again()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        var (learner, _) = await SubmitOneRightAnswerAsync(tool);
        await gradebook.WaitForAsync(b => HasResult(b, Ana), "the first score");

        await gradebook.ResetAsync();
        await learner.PostAsync("/learn/attempts", []);
        await learner.OpenAsync("/learn");
        await learner.SubmitAsync();

        var book = await gradebook.WaitForAsync(b => HasResult(b, Ana), "the second score in a new column");
        Assert.Single(book["lineItems"]!.AsArray(), i => (string?)i!["resourceLinkId"] == "link-cc-1");
        var rows = await WaitForOutboxAsync(tool, rows => rows.All(r => r.Status == GradeDeliveryStatus.Delivered), "both delivered");
        Assert.Equal(404, rows[1].LastStatusCode);
    }

    [Fact]
    public async Task An_unreachable_token_endpoint_is_asked_once_per_round_not_once_per_score()
    {
        await using var tool = await ToolInstance.StartAsync(Fast(more: new() { ["Grades:DeliveryEnabled"] = "false" }));
        using var gradebook = DevGradebook.Of(tool);
        await SubmitOneRightAnswerAsync(tool);
        await OutboxSeed.AddAsync(tool, "link-cc-1", learners: 40, scoresEach: 1);
        await gradebook.AddFaultAsync(new { target = "token", kind = "status", status = 503 });

        await using var worker = await ToolInstance.StartAsync(Fast(databaseFile: tool.DatabaseFile));
        await WaitForOutboxAsync(tool, rows => rows.Count(r => r.Failures > 0) >= 1, "the first failed round");
        await WaitForWorkerToSettleAsync(worker);
        // 41 scores waiting; each round asks the token endpoint once (the failed request is shared) and the rest wait.
        Assert.InRange(await gradebook.FaultFiredAsync(), 1, 20);

        await gradebook.ClearFaultsAsync();
        var rows = await WaitForOutboxAsync(tool, rows => rows.All(r => r.Status == GradeDeliveryStatus.Delivered), "all delivered after the outage");
        Assert.Equal(41, rows.Count);
    }
}
