using System.Net;
using System.Net.Http.Json;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Tests.Isolation;

/// <summary>B's instructor, in the link with the same id as A's, sees and changes nothing of A's learners or link.</summary>
[Collection(IsolationCollection.Name)]
public sealed class TeachIsolationTests(TwoPlatforms platforms)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task B_instructors_dashboard_csv_and_grading_list_show_nothing_of_A_and_refuse_A_ids()
    {
        var module = platforms.Module("fc-designing-prework");
        var reflection = module.Questions.OfType<ReflectionQuestion>().First(q => q.Grading == ReflectionGrading.Instructor);
        var choice = LearnerSession.FirstSingleChoice(module);
        var ana = await platforms.LaunchAsync(Platform.A, "med-520", "link-fc-1");
        var written = TwoPlatforms.Reflection(reflection, Platform.A, "pre-work");
        await ana.AnswerAsync(reflection.Id, written);
        await ana.AnswerAsync(choice.Id, choice.Options.First(o => o.IsCorrect).Id);
        await ana.SubmitAsync();
        var attemptA = Assert.Single(await platforms.AttemptsAsync(Platform.A, "link-fc-1"));
        var linkA = await platforms.LinkAsync(Platform.A, "link-fc-1");
        var deliveriesA = await DeliveriesAsync(linkA.Id);
        var deliveryA = Assert.Single(deliveriesA);

        // A's own instructor sees her work, so the pages below would show it if they read A's rows.
        var instructorA = await platforms.StaffLaunchAsync(Platform.A, "med-520", "link-fc-1");
        Assert.Contains(written, (await instructorA.OpenAsync("/teach/dashboard")).Html);
        Assert.StartsWith("Ana Ramos,Submitted", AnaRow(await instructorA.OpenAsync("/teach/dashboard.csv")));
        Assert.Contains(written, (await instructorA.OpenAsync("/teach/grades")).Html);

        var instructorB = await platforms.StaffLaunchAsync(Platform.B, "med-520", "link-fc-1");
        var dashboard = await instructorB.OpenAsync("/teach/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.DoesNotContain(written, dashboard.Html);
        Assert.DoesNotContain("1 learner submitted", dashboard.Text);
        var csv = await instructorB.OpenAsync("/teach/dashboard.csv");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.StartsWith("Ana Ramos,Not started", AnaRow(csv));
        var grades = await instructorB.OpenAsync("/teach/grades");
        Assert.Equal(HttpStatusCode.OK, grades.Status);
        Assert.DoesNotContain(written, grades.Html);
        Assert.DoesNotContain($"name=\"attempt\" value=\"{attemptA.Id}\"", grades.Html);
        Assert.DoesNotContain($"name=\"delivery\" value=\"{deliveryA.Id}\"", grades.Html);

        // A's attempt and score named in B's forms: refused, and nothing changes.
        await instructorB.OpenAsync("/teach/settings");
        var grade = await instructorB.PostAsync("/teach/grades/grade",
            [new("attempt", attemptA.Id.ToString()), new($"points_{reflection.Id}", "0"), new("comment", "Graded from platform B")]);
        Assert.Equal(HttpStatusCode.NotFound, grade.Status);
        Assert.Equal("attempt_unknown", grade.ReasonCode);
        var retry = await instructorB.PostAsync("/teach/grades/retry", [new("delivery", deliveryA.Id.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, retry.Status);
        Assert.Equal("delivery_unknown", retry.ReasonCode);

        var unchanged = Assert.Single(await platforms.AttemptsAsync(Platform.A, "link-fc-1"));
        Assert.Equal((attemptA.ScoreGiven, attemptA.AwaitingInstructor, attemptA.InstructorComment, attemptA.UpdatedAt),
            (unchanged.ScoreGiven, unchanged.AwaitingInstructor, unchanged.InstructorComment, unchanged.UpdatedAt));
        Assert.All(unchanged.Answers, a => Assert.Null(a.InstructorPoints));
        var deliveriesAfter = await DeliveriesAsync(linkA.Id);
        Assert.Equal(deliveryA.Id, Assert.Single(deliveriesAfter).Id);
        var linkB = await platforms.LinkAsync(Platform.B, "link-fc-1");
        Assert.Empty(await DeliveriesAsync(linkB.Id));
    }

    [Fact]
    public async Task Settings_saved_by_B_instructor_change_only_B_link()
    {
        var learnerA = await platforms.LaunchAsync(Platform.A, "med-501", "link-cc-3");
        Assert.DoesNotContain("of 7", learnerA.Page.Text);

        var instructorB = await platforms.StaffLaunchAsync(Platform.B, "med-501", "link-cc-3");
        await instructorB.OpenAsync("/teach/settings");
        var saved = await instructorB.PostAsync("/teach/settings", [new("module", "co-governance-stakeholders"), new("attempts", "7")]);
        Assert.True(saved.Status == HttpStatusCode.SeeOther, saved.ToString());

        var linkA = await platforms.LinkAsync(Platform.A, "link-cc-3");
        Assert.Equal((null, null), (linkA.BoundModuleId, linkA.InstructorSettings));
        var linkB = await platforms.LinkAsync(Platform.B, "link-cc-3");
        Assert.Equal("co-governance-stakeholders", linkB.BoundModuleId);
        Assert.Contains("7", linkB.InstructorSettings);

        var againA = await platforms.LaunchAsync(Platform.A, "med-501", "link-cc-3");
        Assert.DoesNotContain("of 7", againA.Page.Text);
        Assert.Contains(platforms.Module("co-faculty-development").Title, againA.Page.Text);
        Assert.DoesNotContain(platforms.Module("co-governance-stakeholders").Title, againA.Page.Text);
        var learnerB = await platforms.LaunchAsync(Platform.B, "med-501", "link-cc-3");
        Assert.Contains("Attempt 1 of 7", learnerB.Page.Text);
    }

    [Fact]
    public async Task The_class_list_read_for_B_course_is_never_shown_for_A_course_with_the_same_id()
    {
        // A sends no class list service for this course; B does. A roster cache keyed by anything but A's own course row would show B's list on A.
        using var http = new HttpClient();
        var switchA = platforms.Issuer(Platform.A) + "/control/nrps";
        (await http.PostAsJsonAsync(switchA, new { enabled = false, courseId = "med-210" }, Ct)).EnsureSuccessStatusCode();
        try
        {
            var instructorB = await platforms.StaffLaunchAsync(Platform.B, "med-210", "link-ho-3");
            Assert.Contains("Class list from the LMS:", instructorB.Page.Text);
            var instructorA = await platforms.StaffLaunchAsync(Platform.A, "med-210", "link-ho-3");
            Assert.Contains("The LMS offers no class list to this tool", instructorA.Page.Text);
            Assert.DoesNotContain("Class list from the LMS:", instructorA.Page.Text);
            var csvA = await instructorA.OpenAsync("/teach/dashboard.csv");
            Assert.DoesNotContain("\nAna Ramos,", "\n" + csvA.Html);
        }
        finally
        {
            (await http.PostAsJsonAsync(switchA, new { enabled = true, courseId = "med-210" }, Ct)).EnsureSuccessStatusCode();
        }
    }

    private Task<List<GradeDeliveryEntity>> DeliveriesAsync(int linkId) =>
        platforms.Tool.QueryAsync(db => db.GradeDeliveries.AsNoTracking().Where(d => d.ResourceLinkDbId == linkId).ToListAsync(Ct));

    private static string AnaRow(WebPage csv) => csv.Html.Split('\n').Single(l => l.StartsWith("Ana Ramos,", StringComparison.Ordinal));
}
