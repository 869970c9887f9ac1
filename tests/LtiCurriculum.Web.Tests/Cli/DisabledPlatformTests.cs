using System.Net;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Grades;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Cli;

/// <summary>What `platforms disable` and `platforms remove` do to a platform that learners use.</summary>
public sealed class DisabledPlatformTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<int> DevPlatformIdAsync(ToolInstance tool) =>
        tool.QueryAsync(db => db.Platforms.Where(p => p.Issuer == tool.DevPlatformIssuer).Select(p => p.Id).SingleAsync(Ct));

    [Fact]
    public async Task Disabled_platform_is_refused_at_login_and_at_launch_with_platform_disabled_until_enabled()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var browser = tool.NewBrowser();
        var authorized = await browser.AuthorizeAsync(tool);
        var id = (await DevPlatformIdAsync(tool)).ToString();

        Assert.Equal(0, (await CliRun.AgainstAsync(tool.Services, "platforms", "disable", "--id", id)).ExitCode);

        // Logged in before it was disabled: the launch that follows is refused.
        var launch = await browser.SubmitAsync(authorized.AuthenticationResponse);
        Assert.Equal(HttpStatusCode.Forbidden, launch.Status);
        Assert.Equal("platform_disabled", launch.ReasonCode);
        Assert.Contains("administrator has disabled the registration of this LMS", launch.Text, StringComparison.Ordinal);

        var platformLaunch = await browser.PostFormAsync(tool.Url("/dev-platform/launch"), [new("course", "med-501"), new("user", DevPlatformLaunch.Learner), new("message_type", DevPlatformLaunch.ResourceLink), new("link", "link-cc-1")]);
        var login = await browser.SubmitAsync(platformLaunch.Form());
        Assert.Equal(HttpStatusCode.Forbidden, login.Status);
        Assert.Equal("platform_disabled", login.ReasonCode);
        Assert.Null(login.Location);

        Assert.Equal(0, (await CliRun.AgainstAsync(tool.Services, "platforms", "enable", "--id", id)).ExitCode);
        var again = await tool.NewBrowser().LaunchAsync(tool);
        Assert.Equal(HttpStatusCode.OK, again.Page!.Status);
    }

    [Fact]
    public async Task Disabled_platform_scores_stay_pending_and_are_sent_once_it_is_enabled()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        var learner = await LearnerSession.LaunchAsync(tool);
        var id = await DevPlatformIdAsync(tool);
        Assert.Equal(0, (await CliRun.AgainstAsync(tool.Services, "platforms", "disable", "--id", id.ToString())).ExitCode);

        var question = LearnerSession.FirstSingleChoice(LearnerSession.Module(tool, "co-case-for-change"));
        await learner.AnswerAsync(question.Id, question.Options.First(o => o.IsCorrect).Id);
        await learner.SubmitAsync();

        var pending = Assert.Single(await DeliveriesAsync(tool));
        Assert.Equal(GradeDeliveryStatus.Pending, pending.Status);
        // What the worker asks before each round: the disabled platform has nothing it may send.
        var leases = tool.Services.GetRequiredService<GradeLeases>();
        Assert.DoesNotContain(id, await leases.PlatformsWithDueWorkAsync(Ct));
        Assert.Empty(await leases.LeaseAsync(id, 10, Ct));
        var row = Assert.Single(await DeliveriesAsync(tool));
        Assert.Equal((GradeDeliveryStatus.Pending, 0, (string?)null), (row.Status, row.Failures, row.LeaseOwner));

        Assert.Equal(0, (await CliRun.AgainstAsync(tool.Services, "platforms", "enable", "--id", id.ToString())).ExitCode);
        await WaitForOutboxAsync(tool, rows => rows.Single().Status == GradeDeliveryStatus.Delivered, "the score sent after enable");
    }

    [Fact]
    public async Task Remove_of_a_platform_with_learners_data_needs_force_and_then_deletes_it_all()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        await SubmitOneRightAnswerAsync(tool);
        var id = (await DevPlatformIdAsync(tool)).ToString();

        var refused = await CliRun.AgainstAsync(tool.Services, "platforms", "remove", "--id", id);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("1 users, 1 courses, 1 resource links, 1 attempts, 1 scores", refused.Errors, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Errors, StringComparison.Ordinal);
        Assert.Contains("platforms disable", refused.Errors, StringComparison.Ordinal);
        Assert.Equal(1, await tool.QueryAsync(db => db.Attempts.CountAsync(Ct)));

        var removed = await CliRun.AgainstAsync(tool.Services, "platforms", "remove", "--id", id, "--force");

        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains("also deleted: 1 users", removed.Output, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0, 0, 0, 0), await tool.QueryAsync(async db => (
            await db.Platforms.CountAsync(p => p.Id == int.Parse(id), Ct), await db.Users.CountAsync(Ct), await db.Contexts.CountAsync(Ct),
            await db.ResourceLinks.CountAsync(Ct), await db.Attempts.CountAsync(Ct), await db.Answers.CountAsync(Ct), await db.GradeDeliveries.CountAsync(Ct))));
        var entry = await tool.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "platforms remove", Ct));
        Assert.Contains("deleted with it: 1 users", entry.Details, StringComparison.Ordinal);
    }
}
