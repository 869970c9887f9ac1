using System.Text.Json.Nodes;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Grades;

/// <summary>Settings and steps the grade tests share: short retry delays, learners who answer and submit.</summary>
internal static class GradeTestKit
{
    public static ToolSettings Fast(string style = "standard", Dictionary<string, string?>? more = null, string? databaseFile = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["DevPlatform:GradebookStyle"] = style,
            ["Grades:FirstRetryDelay"] = "00:00:00.200",
            ["Grades:MaxRetryDelay"] = "00:00:01",
            ["Grades:PollInterval"] = "00:00:00.100",
            ["Grades:RequestTimeout"] = "00:00:01",
            ["Grades:LeaseDuration"] = "00:00:05",
        };
        foreach (var (key, value) in more ?? [])
        {
            configuration[key] = value;
        }
        return new ToolSettings { Configuration = configuration, DatabaseFile = databaseFile };
    }

    /// <summary>
    /// Waits until the tool's delivery worker has made <paramref name="passes"/> more polling passes and no drain is
    /// running: whatever was due has been tried. The observable way to check that something was NOT sent.
    /// </summary>
    public static async Task WaitForWorkerToSettleAsync(ToolInstance tool, int passes = 3, int seconds = 30)
    {
        var worker = tool.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<LtiCurriculum.Web.Grades.GradeDeliveryWorker>().Single();
        var start = worker.Progress.Passes;
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (worker.Progress is var (done, running) && (done < start + passes || running > 0))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the delivery worker did not settle within {seconds} s (passes {done - start}/{passes}, drains running {running})");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Launches, answers the first single-choice question correctly, submits. Returns the points that earned.</summary>
    public static async Task<(LearnerSession Learner, decimal Points)> SubmitOneRightAnswerAsync(ToolInstance tool, string user = DevPlatformLaunch.Learner,
        string link = "link-cc-1", string course = "med-501", string module = "co-case-for-change", ToolInstance? platform = null, string? clientId = null)
    {
        var learner = await LearnerSession.LaunchAsync(tool, link, user, course, platform: platform, clientId: clientId);
        var question = LearnerSession.FirstSingleChoice(LearnerSession.Module(tool, module));
        await learner.AnswerAsync(question.Id, question.Options.First(o => o.IsCorrect).Id);
        await learner.SubmitAsync();
        return (learner, question.Points);
    }

    public static bool HasResult(JsonNode book, string userId, Func<JsonNode, bool>? and = null) =>
        book["results"]!.AsArray().Any(r => (string?)r!["userId"] == userId && (and?.Invoke(r) ?? true));

    public static JsonNode Result(JsonNode book, string userId) =>
        book["results"]!.AsArray().Single(r => (string?)r!["userId"] == userId)!;

    public static IReadOnlyList<JsonNode> ScoreLog(JsonNode book, string? userId = null) =>
        book["scoreLog"]!.AsArray().Select(n => n!).Where(n => userId is null || (string?)n["userId"] == userId).ToList();

    public static Task<List<GradeDeliveryEntity>> DeliveriesAsync(ToolInstance tool) =>
        tool.QueryAsync(db => db.GradeDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>Polls the outbox until <paramref name="done"/> holds (bounded).</summary>
    public static async Task<List<GradeDeliveryEntity>> WaitForOutboxAsync(ToolInstance tool, Func<List<GradeDeliveryEntity>, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        List<GradeDeliveryEntity> rows;
        do
        {
            rows = await DeliveriesAsync(tool);
            if (done(rows)) return rows;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Gave up waiting for {what}: {string.Join("; ", rows.Select(r => $"#{r.Id} {r.Status} failures {r.Failures} HTTP {r.LastStatusCode} {r.LastError}"))}");
        return rows;
    }

    public const string Ana = "dev-user-1001";
    public const string PrivateLearner = "dev-user-1002";
}
