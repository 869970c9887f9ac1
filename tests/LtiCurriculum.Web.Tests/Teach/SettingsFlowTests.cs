using System.Net;
using System.Net.Http.Json;
using LtiCurriculum.Web.Tests.Support;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Teach;

public sealed class SettingsFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Changing_points_updates_the_gradebook_column_and_later_scores_use_the_new_maximum()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        var (_, links) = await TeachKit.DeepLinkAsync(tool, "med-501", new TeachKit.Item("co-case-for-change", "Case for change", new Dictionary<string, string> { ["points"] = "10" }));
        var link = TeachKit.CreatedLink(links, "Case for change");
        var lineItemUrl = (string)link["lineItem"]!;
        var linkId = (string)link["id"]!;

        var instructor = await LearnerSession.LaunchAsync(tool, linkId, DevPlatformLaunch.Instructor, "med-501");
        await instructor.OpenAsync("/teach/settings");
        var saved = await instructor.PostAsync("/teach/settings", [new("module", "co-case-for-change"), new("points", "25")]);
        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        var page = await instructor.Browser.FollowAsync(saved);
        Assert.Contains("The gradebook column now counts 25 points.", page.Text);

        var book = await DevGradebook.Of(tool).ReadAsync();
        var item = book["lineItems"]!.AsArray().Single(i => (string?)i!["id"] == lineItemUrl || lineItemUrl.EndsWith("/" + (string?)i!["id"], StringComparison.Ordinal));
        Assert.Equal(25m, (decimal)item!["scoreMaximum"]!);

        var (learner, _) = await SubmitOneRightAnswerAsync(tool, link: linkId, course: "med-501");
        Assert.Contains("of 25 points", learner.Page.Text);
    }

    [Fact]
    public async Task Without_nrps_the_dashboard_says_so_and_lists_those_who_launched()
    {
        await using var tool = await ToolInstance.StartAsync();
        using (var http = new HttpClient())
        {
            (await http.PostAsJsonAsync($"{tool.DevPlatformIssuer}/control/nrps", new { enabled = false }, Ct)).EnsureSuccessStatusCode();
        }
        await LearnerSession.LaunchAsync(tool, "link-cc-1", DevPlatformLaunch.Learner, "med-501");
        using var browser = tool.NewBrowser();
        var steps = await browser.LaunchAsync(tool, "med-501", "link-cc-1", DevPlatformLaunch.Instructor);
        Assert.Equal("/teach/dashboard", steps.Page!.Url.AbsolutePath);
        Assert.Contains("The LMS offers no class list to this tool", steps.Page.Text);
        Assert.Contains("Ana Ramos", steps.Page.Text);
        Assert.DoesNotContain("Class list from the LMS", steps.Page.Text);
    }

    [Fact]
    public async Task The_roster_lists_students_who_never_launched_and_marks_the_inactive_one()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var browser = tool.NewBrowser();
        var steps = await browser.LaunchAsync(tool, "med-501", "link-cc-1", DevPlatformLaunch.Instructor);
        var text = steps.Page!.Text;
        Assert.Contains("Class list from the LMS", text);
        Assert.Contains("Inactive in the LMS", text);
        Assert.Contains("Not started", text);
        var csv = await browser.GetAsync(tool.Url($"/teach/dashboard.csv?lti_session={Uri.EscapeDataString(steps.SessionToken)}"));
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.StartsWith("text/csv", csv.ContentHeaders!.ContentType!.ToString());
        Assert.True(csv.Html.Split('\n').Length > 30, "every student of the roster is a row");
    }
}
