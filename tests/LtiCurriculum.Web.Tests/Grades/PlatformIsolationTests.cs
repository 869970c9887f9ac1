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
        // Each try at the hanging platform waits 10 s for an answer: a worker that served platforms one after the other
        // would deliver the healthy score only after that try had timed out and been recorded.
        await using var tool = await ToolInstance.StartAsync(Fast(more: new() { ["Grades:RequestTimeout"] = "00:00:10", ["Grades:LeaseDuration"] = "00:00:40" }));
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
        // The hanging platform's score is in flight: its token request has reached the platform and hangs.
        await hanging.WaitForFaultFiredAsync();

        await SubmitOneRightAnswerAsync(tool, DevPlatformLaunch.PrivateLearner);
        await healthy.WaitForAsync(b => HasResult(b, PrivateLearner), "the healthy platform's score", seconds: 30);
        var whileHanging = await DeliveriesAsync(tool);
        Assert.Single(whileHanging, r => r.Status == GradeDeliveryStatus.Pending && r.Failures == 0 && r.LeaseOwner is not null);

        // The hanging platform's score times out and waits for its next try; it is not lost.
        var rows = await WaitForOutboxAsync(tool, rows => rows.Any(r => r.Failures > 0), "the hanging platform's timeout");
        Assert.Single(rows, r => r.Status == GradeDeliveryStatus.Delivered);
        Assert.Single(rows, r => r.Status == GradeDeliveryStatus.Pending && r.Failures > 0);
        await hanging.ClearFaultsAsync();
    }
}
