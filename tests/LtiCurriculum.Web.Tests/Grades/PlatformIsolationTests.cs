using System.Diagnostics;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Install.Platforms;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Grades;

/// <summary>Two platforms registered with one tool: one that hangs must not hold up the other's scores.</summary>
public sealed class PlatformIsolationTests
{
    [Fact]
    public async Task A_platform_that_hangs_does_not_delay_scores_for_another()
    {
        // Each try at the hanging platform waits 5 s for an answer: a worker that served platforms one after the other would make the healthy score wait that long.
        await using var tool = await ToolInstance.StartAsync(Fast(more: new() { ["Grades:RequestTimeout"] = "00:00:05", ["Grades:LeaseDuration"] = "00:00:20" }));
        // A second LMS: the development platform of another instance, pointed at this tool.
        await using var other = await ToolInstance.StartAsync(Fast(more: new() { ["Grades:DeliveryEnabled"] = "false", ["DevPlatform:ToolOrigin"] = tool.Origin }));
        await tool.Services.GetRequiredService<PlatformAdmin>().UpsertAsync(new PlatformSettings
        {
            Issuer = other.DevPlatformIssuer,
            ClientId = "lticurriculum-dev",
            AuthorizationEndpoint = other.DevPlatformIssuer + "/authorize",
            TokenEndpoint = other.DevPlatformIssuer + "/token",
            JwksUri = other.DevPlatformIssuer + "/jwks",
            DeploymentIds = ["dev-deployment-1"],
        }, "test", TestContext.Current.CancellationToken);
        using var hanging = DevGradebook.Of(other);
        using var healthy = DevGradebook.Of(tool);

        var first = await LearnerSession.LaunchAsync(tool, platform: other);
        await hanging.AddFaultAsync(new { target = "any", kind = "delay", delayMs = 60_000 });
        var question = LearnerSession.FirstSingleChoice(LearnerSession.Module(tool, "co-case-for-change"));
        await first.AnswerAsync(question.Id, question.Options.First(o => o.IsCorrect).Id);
        await first.SubmitAsync();
        // The hanging platform's score is in flight (its token request hangs) while the healthy one is submitted.
        await Task.Delay(500, TestContext.Current.CancellationToken);

        await SubmitOneRightAnswerAsync(tool, DevPlatformLaunch.PrivateLearner);
        var clock = Stopwatch.StartNew();
        await healthy.WaitForAsync(b => HasResult(b, PrivateLearner), "the healthy platform's score", seconds: 10);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed.TotalSeconds:0.0} s");

        // The hanging platform's score times out and waits for its next try; it is not lost.
        var rows = await WaitForOutboxAsync(tool, rows => rows.Any(r => r.Failures > 0), "the hanging platform's timeout");
        Assert.Single(rows, r => r.Status == GradeDeliveryStatus.Delivered);
        Assert.Single(rows, r => r.Status == GradeDeliveryStatus.Pending && r.Failures > 0);
        await hanging.ClearFaultsAsync();
    }
}
