using System.Net;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Grades;

/// <summary>A submission's score, end to end into the development platform's gradebook, as each platform family behaves.</summary>
public sealed class GradeFlowTests
{
    [Fact]
    public async Task Submitted_score_reaches_the_platform_gradebook()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        var (_, points) = await SubmitOneRightAnswerAsync(tool);

        var book = await gradebook.WaitForAsync(b => HasResult(b, Ana), "Ana's score");
        var result = Result(book, Ana);
        var module = LearnerSession.Module(tool, "co-case-for-change");
        Assert.Equal(points, (decimal)result["scoreGiven"]!);
        Assert.Equal(module.MaximumPoints, (decimal)result["scoreMaximum"]!);
        Assert.Equal("FullyGraded", (string?)result["gradingProgress"]);
        Assert.Equal("Completed", (string?)result["activityProgress"]);
        // Standard platforms give only the container: the tool created its own column, once, tagged and bound to the link.
        var mine = book["lineItems"]!.AsArray().Where(i => (string?)i!["resourceLinkId"] == "link-cc-1").ToList();
        Assert.Single(mine);
        Assert.Equal("lticurriculum", (string?)mine[0]!["tag"]);
        var row = Assert.Single(await WaitForOutboxAsync(tool, rows => rows.All(r => r.Status == GradeDeliveryStatus.Delivered), "delivered"));
        Assert.Equal(0, row.Failures);
    }

    [Fact]
    public async Task Two_learners_submitting_at_once_on_a_fresh_link_make_one_line_item()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        await Task.WhenAll(
            SubmitOneRightAnswerAsync(tool, DevPlatformLaunch.Learner, "link-cc-2", module: "co-governance-stakeholders"),
            SubmitOneRightAnswerAsync(tool, DevPlatformLaunch.PrivateLearner, "link-cc-2", module: "co-governance-stakeholders"));

        var book = await gradebook.WaitForAsync(b => HasResult(b, Ana) && HasResult(b, PrivateLearner), "both scores");
        Assert.Single(book["lineItems"]!.AsArray(), i => (string?)i!["resourceLinkId"] == "link-cc-2");
        Assert.Equal(1, (long)book["counters"]!["lineItemsCreated"]!);
    }

    [Fact]
    public async Task Canvas_gets_its_coupled_line_item_and_the_real_submission_time()
    {
        await using var tool = await ToolInstance.StartAsync(Fast("canvas"));
        using var gradebook = DevGradebook.Of(tool);
        await SubmitOneRightAnswerAsync(tool);

        var book = await gradebook.WaitForAsync(b => HasResult(b, Ana), "Ana's score");
        var result = Result(book, Ana);
        var attempt = Assert.Single(await tool.QueryAsync(db => Task.FromResult(db.Attempts.ToList())));
        Assert.Equal(attempt.SubmittedAt!.Value.ToUnixTimeMilliseconds(), DateTimeOffset.Parse((string)result["submittedAt"]!).ToUnixTimeMilliseconds());
        Assert.True((bool)result["newSubmission"]!);
        Assert.False((bool)result["submissionTimeMoved"]!);
        Assert.Equal(0, (long)book["counters"]!["lineItemsCreated"]!);
    }

    [Fact]
    public async Task Canvas_pending_manual_then_instructor_grade_is_a_regrade_that_keeps_the_submission_time()
    {
        await using var tool = await ToolInstance.StartAsync(Fast("canvas"));
        using var gradebook = DevGradebook.Of(tool);
        var reflection = await SubmitWithInstructorReflectionAsync(tool);

        var pending = await gradebook.WaitForAsync(b => HasResult(b, Ana), "the pending score");
        Assert.Equal("PendingManual", (string?)Result(pending, Ana)["gradingProgress"]);
        Assert.Equal("Submitted", (string?)Result(pending, Ana)["activityProgress"]);

        await GradeReflectionAsync(tool, reflection.Id, "1");
        var graded = await gradebook.WaitForAsync(b => HasResult(b, Ana, r => (string?)r["gradingProgress"] == "FullyGraded"), "the graded score");
        var result = Result(graded, Ana);
        Assert.False((bool)result["newSubmission"]!);
        Assert.False((bool)result["submissionTimeMoved"]!);
        Assert.Equal((string?)Result(pending, Ana)["submittedAt"], (string?)result["submittedAt"]);
        Assert.Equal(1m, (decimal)result["scoreGiven"]!);
    }

    [Fact]
    public async Task Moodle_pending_manual_is_held_and_the_grade_goes_out_fully_graded_through_query_string_urls()
    {
        await using var tool = await ToolInstance.StartAsync(Fast("moodle"));
        using var gradebook = DevGradebook.Of(tool);
        var reflection = await SubmitWithInstructorReflectionAsync(tool);

        var held = await WaitForOutboxAsync(tool, rows => rows.Count == 1, "the held score");
        Assert.Equal(GradeDeliveryStatus.Held, held[0].Status);
        await WaitForWorkerToSettleAsync(tool);
        Assert.Empty(ScoreLog(await gradebook.ReadAsync(), Ana));

        await GradeReflectionAsync(tool, reflection.Id, "2");
        var graded = await gradebook.WaitForAsync(b => HasResult(b, Ana, r => (string?)r["gradingProgress"] == "FullyGraded"), "the graded score");
        Assert.Equal(2m, (decimal)Result(graded, Ana)["scoreGiven"]!);
        // Moodle's service URLs carry ?type_id=1; a tool that appended /scores after the query would have been refused.
        Assert.All(ScoreLog(graded, Ana), entry => Assert.InRange((int)entry["status"]!, 200, 299));
    }

    [Fact]
    public async Task Canvas_test_student_is_not_graded_not_retried_and_sees_the_preview_banner()
    {
        await using var tool = await ToolInstance.StartAsync(Fast("canvas"));
        using var gradebook = DevGradebook.Of(tool);
        var (learner, _) = await SubmitOneRightAnswerAsync(tool, "test-student");

        var rows = await WaitForOutboxAsync(tool, rows => rows.Count == 1 && rows[0].Status == GradeDeliveryStatus.NotGradable, "the refusal");
        Assert.Equal(422, rows[0].LastStatusCode);
        await WaitForWorkerToSettleAsync(tool);
        Assert.Single(ScoreLog(await gradebook.ReadAsync(), "dev-user-test-student"));

        var page = await learner.OpenAsync("/learn");
        Assert.Contains("Preview — not graded", System.Net.WebUtility.HtmlDecode(page.Html));
    }

    [Fact]
    public async Task Instructor_sees_delivery_status_and_the_gradebook_comparison()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        await SubmitOneRightAnswerAsync(tool);
        await gradebook.WaitForAsync(b => HasResult(b, Ana), "Ana's score");
        await WaitForOutboxAsync(tool, rows => rows.All(r => r.Status == GradeDeliveryStatus.Delivered), "delivered");

        var instructor = await LearnerSession.LaunchAsync(tool, "link-cc-1", DevPlatformLaunch.Instructor);
        var page = await instructor.OpenAsync("/teach/grades?compare=1");
        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        Assert.Contains("Ana Ramos", page.Html);
        Assert.Contains("In the gradebook since", page.Html);
        Assert.DoesNotContain("differs", page.Html);

        var learner = await LearnerSession.LaunchAsync(tool, "link-cc-1", DevPlatformLaunch.Learner);
        var refused = await learner.OpenAsync("/teach/grades");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    [Fact]
    public async Task Instructor_preview_submissions_are_not_sent()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        await SubmitOneRightAnswerAsync(tool, DevPlatformLaunch.Instructor);
        Assert.Empty(await DeliveriesAsync(tool));
    }

    /// <summary>Ana on link-fc-1 (fc-designing-prework): answers its instructor-graded reflection and submits.</summary>
    private static async Task<LtiCurriculum.Curriculum.Model.ReflectionQuestion> SubmitWithInstructorReflectionAsync(ToolInstance tool)
    {
        var learner = await LearnerSession.LaunchAsync(tool, "link-fc-1", DevPlatformLaunch.Learner, "med-520");
        var module = LearnerSession.Module(tool, "fc-designing-prework");
        var reflection = module.Questions.OfType<LtiCurriculum.Curriculum.Model.ReflectionQuestion>()
            .First(q => q.Grading == LtiCurriculum.Curriculum.Model.ReflectionGrading.Instructor);
        await learner.AnswerAsync(reflection.Id, new string('x', Math.Max(reflection.MinLength, 1)) + " My plan for the session is to ask short questions first.");
        await learner.SubmitAsync();
        return reflection;
    }

    private static async Task GradeReflectionAsync(ToolInstance tool, string questionId, string points)
    {
        var instructor = await LearnerSession.LaunchAsync(tool, "link-fc-1", DevPlatformLaunch.Instructor, "med-520");
        var page = await instructor.OpenAsync("/teach/grades");
        Assert.Contains("Reflections to grade", page.Html);
        var attempt = System.Text.RegularExpressions.Regex.Match(page.Html, "name=\"attempt\" value=\"(\\d+)\"").Groups[1].Value;
        var response = await instructor.PostAsync("/teach/grades/grade", [new("attempt", attempt), new($"points_{questionId}", points)]);
        Assert.True(response.Status == HttpStatusCode.SeeOther, response.ToString());
    }
}
