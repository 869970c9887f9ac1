using System.Net;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Grades;

/// <summary>An instructor's comment to the learner, given with the grade of a reflection: kept, shown, and sent as the AGS score comment.</summary>
public sealed class GradeCommentTests
{
    private const string Comment = "Good plan — start with the two short questions.\nNext time, cite one source for the pre-work.";

    [Fact]
    public async Task Reflection_graded_with_a_comment_reaches_the_platform_with_that_comment()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        using var gradebook = DevGradebook.Of(tool);
        var (learner, reflection) = await SubmitWithInstructorReflectionAsync(tool);
        await gradebook.WaitForAsync(b => HasResult(b, Ana), "the pending score");

        var (instructor, form) = await OpenGradingAsync(tool);
        var response = await instructor.PostAsync("/teach/grades/grade", [new("attempt", form), new($"points_{reflection.Id}", "1"), new("comment", Comment.Replace("\n", "\r\n"))]);
        Assert.True(response.Status == HttpStatusCode.SeeOther, response.ToString());

        var graded = await gradebook.WaitForAsync(b => HasResult(b, Ana, r => (string?)r["gradingProgress"] == "FullyGraded"), "the graded score");
        Assert.Equal(Comment, (string?)Result(graded, Ana)["comment"]);
        var posted = ScoreLog(graded, Ana);
        Assert.Null((string?)posted[0]["comment"]);
        Assert.Equal(Comment, (string?)posted[^1]["comment"]);
        Assert.Equal("FullyGraded", (string?)posted[^1]["gradingProgress"]);

        var attempt = await tool.QueryAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == int.Parse(form), TestContext.Current.CancellationToken));
        Assert.Equal(Comment, attempt.InstructorComment);
        var rows = await DeliveriesAsync(tool);
        Assert.Null(rows[0].Comment);
        Assert.Equal(Comment, rows[^1].Comment);

        var page = await instructor.OpenAsync("/teach/grades");
        Assert.Contains("Next time, cite one source for the pre-work.", page.Text);
        Assert.Contains("Comment sent with the score:", page.Text);

        var result = await learner.OpenAsync("/learn");
        Assert.Contains("Your instructor's comment", result.Text);
        Assert.Contains("Next time, cite one source for the pre-work.", result.Text);
    }

    [Fact]
    public async Task Over_long_comment_is_refused_with_its_reason_and_the_text_kept()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        var (_, reflection) = await SubmitWithInstructorReflectionAsync(tool);
        var before = await DeliveriesAsync(tool);

        var (instructor, attempt) = await OpenGradingAsync(tool);
        var tooLong = "Keep-this-text " + new string('x', 4000);
        var response = await instructor.PostAsync("/teach/grades/grade", [new("attempt", attempt), new($"points_{reflection.Id}", "1.5"), new("comment", tooLong)]);

        Assert.True(response.Status == HttpStatusCode.UnprocessableEntity, response.ToString());
        Assert.Contains($"The comment has {tooLong.Length} characters; at most 4000 can be sent.", response.Text);
        Assert.Contains(tooLong, response.Html);
        Assert.Contains("value=\"1.5\"", response.Html);
        Assert.Contains("aria-invalid=\"true\"", response.Html);
        var stored = await tool.QueryAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == int.Parse(attempt), TestContext.Current.CancellationToken));
        Assert.Null(stored.InstructorComment);
        Assert.True(stored.AwaitingInstructor);
        Assert.Equal(before.Count, (await DeliveriesAsync(tool)).Count);

        var json = await instructor.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, tool.Url("/teach/grades/grade"))
        {
            Content = new FormUrlEncodedContent([new("lti_session", instructor.Token), new("form_token", instructor.FormToken), new("attempt", attempt),
                new($"points_{reflection.Id}", "1"), new("comment", tooLong)]),
        }, new Dictionary<string, string> { ["Accept"] = "application/json" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, json.Status);
        Assert.Contains("comment_too_long", json.Html);
    }

    /// <summary>Ana on link-fc-1 (fc-designing-prework): answers its instructor-graded reflection and submits.</summary>
    private static async Task<(LearnerSession Learner, ReflectionQuestion Reflection)> SubmitWithInstructorReflectionAsync(ToolInstance tool)
    {
        var learner = await LearnerSession.LaunchAsync(tool, "link-fc-1", DevPlatformLaunch.Learner, "med-520");
        var reflection = LearnerSession.Module(tool, "fc-designing-prework").Questions.OfType<ReflectionQuestion>()
            .First(q => q.Grading == ReflectionGrading.Instructor);
        await learner.AnswerAsync(reflection.Id, new string('x', Math.Max(reflection.MinLength, 1)) + " My plan for the session is to ask short questions first.");
        await learner.SubmitAsync();
        return (learner, reflection);
    }

    private static async Task<(LearnerSession Instructor, string Attempt)> OpenGradingAsync(ToolInstance tool)
    {
        var instructor = await LearnerSession.LaunchAsync(tool, "link-fc-1", DevPlatformLaunch.Instructor, "med-520");
        var page = await instructor.OpenAsync("/teach/grades");
        Assert.Contains("Comment to the student (optional)", page.Html);
        return (instructor, System.Text.RegularExpressions.Regex.Match(page.Html, "name=\"attempt\" value=\"(\\d+)\"").Groups[1].Value);
    }
}
