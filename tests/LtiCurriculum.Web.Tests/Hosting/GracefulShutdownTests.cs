using System.Diagnostics;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Grades;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Hosting;

/// <summary>
/// Stopping an instance while scores are on their way: what is answered in time is recorded, the rest is released
/// (no lease left to expire), and the next instance delivers it, each score landing once.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const int Learners = 6;

    /// <summary>The platform (and the launches) on one instance that delivers nothing itself.</summary>
    private static Task<ToolInstance> StartPlatformAsync() =>
        ToolInstance.StartAsync(Fast(more: new() { ["Grades:DeliveryEnabled"] = "false" }));

    /// <summary>A delivering instance on the platform's database: sends may take 20 s, leases last a minute.</summary>
    private static Task<ToolInstance> StartWorkerAsync(ToolInstance platform, int shutdownSeconds) =>
        ToolInstance.StartAsync(Fast(databaseFile: platform.DatabaseFile, more: new()
        {
            ["Grades:RequestTimeout"] = "00:00:20",
            ["Grades:LeaseDuration"] = "00:01:20",
            ["Grades:ConcurrencyPerPlatform"] = "2",
            ["shutdownTimeoutSeconds"] = shutdownSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

    private static async Task<ToolInstance> SeedAsync()
    {
        var platform = await StartPlatformAsync();
        await SubmitOneRightAnswerAsync(platform);
        await OutboxSeed.AddAsync(platform, "link-cc-1", learners: Learners - 1, scoresEach: 1);
        return platform;
    }

    [Fact]
    public async Task Scores_cut_off_by_shutdown_are_released_and_the_next_instance_delivers_each_once()
    {
        await using var platform = await SeedAsync();
        using var gradebook = DevGradebook.Of(platform);
        await gradebook.AddFaultAsync(new { target = "scores", kind = "delay", delayMs = 30_000 });
        var worker = await StartWorkerAsync(platform, shutdownSeconds: 2);
        Assert.Equal(TimeSpan.FromSeconds(2), worker.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        await gradebook.WaitForFaultFiredAsync(2);

        var stopping = Stopwatch.StartNew();
        await worker.DisposeAsync();
        stopping.Stop();

        // Within the host's shutdown time, not the 30 s the platform takes nor the lease's 80 s.
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(6), $"stopping took {stopping.Elapsed.TotalSeconds:0.0} s");
        var rows = await DeliveriesAsync(platform);
        Assert.Equal(Learners, rows.Count);
        Assert.All(rows, r => Assert.True(r.Status == GradeDeliveryStatus.Pending && r.LeaseOwner is null && r.LeaseUntil is null && r.Failures == 0,
            $"#{r.Id}: {r.Status}, lease {r.LeaseOwner ?? "none"} until {r.LeaseUntil}, failures {r.Failures}"));
        Assert.Contains(rows, r => r.MaybeSent);

        await gradebook.ClearFaultsAsync();
        await using var next = await StartWorkerAsync(platform, shutdownSeconds: 2);
        // Well before any lease could have expired.
        await WaitForOutboxAsync(platform, rows => rows.All(r => r.Status == GradeDeliveryStatus.Delivered), "all delivered by the next instance", seconds: 40);
        var book = await gradebook.ReadAsync();
        Assert.Equal(Learners, book["results"]!.AsArray().Count);
        foreach (var user in ScoreLog(book).Select(e => (string)e["userId"]!).Distinct())
        {
            var accepted = ScoreLog(book, user).Where(e => (int)e["status"]! is >= 200 and < 300).ToList();
            Assert.Single(accepted);
        }
    }

    [Fact]
    public async Task Scores_answered_within_the_shutdown_time_are_recorded_as_delivered()
    {
        await using var platform = await SeedAsync();
        using var gradebook = DevGradebook.Of(platform);
        await gradebook.AddFaultAsync(new { target = "scores", kind = "delay", delayMs = 1_500, count = 2 });
        var worker = await StartWorkerAsync(platform, shutdownSeconds: 15);
        await gradebook.WaitForFaultFiredAsync(2);

        await worker.DisposeAsync();

        var rows = await DeliveriesAsync(platform);
        // The two slow sends were answered after the stop began, and recorded; nothing is left leased.
        Assert.True(rows.Count(r => r.Status == GradeDeliveryStatus.Delivered) >= 2, string.Join("; ", rows.Select(r => $"#{r.Id} {r.Status}")));
        Assert.All(rows, r => Assert.True(r.LeaseOwner is null && r.Failures == 0, $"#{r.Id}: {r.Status}, lease {r.LeaseOwner ?? "none"}, failures {r.Failures}"));
        var book = await gradebook.ReadAsync();
        Assert.Equal(rows.Count(r => r.Status == GradeDeliveryStatus.Delivered), book["results"]!.AsArray().Count);
    }
}
