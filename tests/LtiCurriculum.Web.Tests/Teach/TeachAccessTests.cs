using System.Net;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>Learners never reach Teach pages; course staff reach only the activity they launched.</summary>
public sealed class TeachAccessTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> TeachPages => ["/teach/dashboard", "/teach/dashboard.csv", "/teach/settings", "/teach/grades"];

    public static TheoryData<string> TeachPosts => ["/teach/settings", "/teach/grades/grade", "/teach/grades/retry"];

    [Theory]
    [MemberData(nameof(TeachPages))]
    public async Task A_learner_gets_403_on_every_teach_page(string path)
    {
        var learner = await LearnerSession.LaunchAsync(Tool);
        var page = await learner.OpenAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("course_staff_only", page.ReasonCode);
    }

    [Theory]
    [MemberData(nameof(TeachPosts))]
    public async Task A_learner_gets_403_on_every_teach_form(string path)
    {
        var learner = await LearnerSession.LaunchAsync(Tool);
        var page = await learner.PostAsync(path, [new("module", "cop-what-is"), new("attempt", "1"), new("delivery", "1")]);
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Fact]
    public async Task A_learners_deep_linking_launch_is_refused_with_a_clear_page()
    {
        using var browser = Tool.NewBrowser();
        var steps = await browser.AuthorizeAsync(Tool, "med-501", link: null, user: DevPlatformLaunch.Learner, messageType: DevPlatformLaunch.DeepLinking);
        var launch = await browser.SubmitAsync(steps.AuthenticationResponse);
        Assert.Equal(HttpStatusCode.Forbidden, launch.Status);
        Assert.Equal("deep_linking_staff_only", launch.ReasonCode);
        Assert.Contains("Only the course's instructors can add", launch.Text);
    }

    [Fact]
    public async Task A_resource_link_session_cannot_use_the_deep_linking_pages()
    {
        var instructor = await LearnerSession.LaunchAsync(Tool, user: DevPlatformLaunch.Instructor);
        var page = await instructor.OpenAsync("/teach/deep-linking");
        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("session_missing", page.ReasonCode);
    }

    [Fact]
    public async Task An_instructor_of_one_course_cannot_grade_or_resend_in_another_by_changing_ids()
    {
        // Ana submits in course MED-520; the instructor is launched into MED-501.
        var ana = await LearnerSession.LaunchAsync(Tool, "link-fc-1", DevPlatformLaunch.Learner, "med-520");
        var attemptId = ana.AttemptId;
        await ana.SubmitAsync();
        var instructor = await LearnerSession.LaunchAsync(Tool, "link-cc-1", DevPlatformLaunch.Instructor, "med-501");
        await instructor.OpenAsync("/teach/settings");

        var grade = await instructor.PostAsync("/teach/grades/grade", [new("attempt", attemptId.ToString()), new("points_fc-dp-q1", "1")]);
        Assert.Equal(HttpStatusCode.NotFound, grade.Status);
        var delivery = await Tool.QueryAsync(db => db.GradeDeliveries.OrderByDescending(d => d.Id).Select(d => (long?)d.Id).FirstOrDefaultAsync(Ct));
        if (delivery is { } id)
        {
            var retry = await instructor.PostAsync("/teach/grades/retry", [new("delivery", id.ToString())]);
            Assert.Equal(HttpStatusCode.NotFound, retry.Status);
        }

        // The dashboard and its CSV show this course's link only: Ana's MED-520 work is not in MED-501's list.
        var csv = await instructor.OpenAsync("/teach/dashboard.csv");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.DoesNotContain("Submitted", csv.Html.Split('\n').Where(l => l.Contains("Ana Ramos")).DefaultIfEmpty(""));
    }

    [Fact]
    public async Task Settings_saved_in_one_link_do_not_change_another()
    {
        var instructor = await LearnerSession.LaunchAsync(Tool, "link-cc-2", DevPlatformLaunch.Instructor, "med-501");
        await instructor.OpenAsync("/teach/settings");
        var saved = await instructor.PostAsync("/teach/settings", [new("module", "co-governance-stakeholders"), new("attempts", "7")]);
        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        var other = await LearnerSession.LaunchAsync(Tool, "link-cc-3", DevPlatformLaunch.Learner, "med-501");
        Assert.DoesNotContain("of 7", other.Page.Text);
        var same = await LearnerSession.LaunchAsync(Tool, "link-cc-2", DevPlatformLaunch.Learner, "med-501");
        Assert.Contains("Attempt 1 of 7", same.Page.Text);
    }
}
