using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Cli;
using LtiCurriculum.Web.Tests.Support;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Grades;

/// <summary>`grades list` and `grades retry`: what an admin sees of failed scores, and sending them again.</summary>
public sealed class GradeCliTests
{
    private static Task<CliResult> RunAsync(ToolInstance tool, params string[] args) => CliRun.AgainstAsync(tool.Services, args);

    [Fact]
    public async Task Admin_lists_a_refused_score_with_the_platform_answer_and_retries_it()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        await gradebook.AddFaultAsync(new { target = "scores", kind = "status", status = 403, count = 1 });
        await SubmitOneRightAnswerAsync(tool);
        var row = (await WaitForOutboxAsync(tool, rows => rows.Count == 1 && rows[0].Status == GradeDeliveryStatus.NeedsAttention, "needs attention"))[0];

        var listed = await RunAsync(tool, "grades", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("1 needs-attention", listed.Output);
        Assert.Contains($"{row.Id}\tneeds-attention", listed.Output);
        Assert.Contains("HTTP 403", listed.Output);
        Assert.Contains("user dev-user-1001", listed.Output);

        var retried = await RunAsync(tool, "grades", "retry", row.Id.ToString());
        Assert.Equal(0, retried.ExitCode);
        Assert.Contains("queued", retried.Output);
        await gradebook.WaitForAsync(b => HasResult(b, Ana), "the retried score");
        Assert.Contains("No needs-attention scores", (await RunAsync(tool, "grades", "list")).Output);
    }

    [Theory]
    [InlineData("grades list --status bogus", 2, "--status 'bogus' is not one of")]
    [InlineData("grades list --limit -3", 2, "--limit must be a positive whole number")]
    [InlineData("grades list --colour red", 2, "Unrecognized command or argument '--colour'")]
    [InlineData("grades list --platform x", 2, "--platform must be a positive whole number, not 'x'")]
    [InlineData("grades retry", 2, "Say which scores to retry")]
    [InlineData("grades retry abc", 1, "'abc' is not a score id")]
    [InlineData("grades retry 999999", 1, "No score 999999")]
    public async Task Bad_grade_commands_say_what_is_wrong(string line, int exitCode, string message)
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        var result = await RunAsync(tool, line.Split(' '));
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Errors);
    }
}
