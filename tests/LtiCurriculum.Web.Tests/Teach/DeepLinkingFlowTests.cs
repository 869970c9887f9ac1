using System.Net;
using LtiCurriculum.Web.Tests.Support;
using static LtiCurriculum.Web.Tests.Grades.GradeTestKit;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>The instructor's path from the README: place modules by deep linking, watch the class, grade, see the gradebook.</summary>
public sealed class DeepLinkingFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_modules_placed_with_settings_are_worked_through_seen_on_the_dashboard_and_graded_into_the_gradebook()
    {
        await using var tool = await ToolInstance.StartAsync(Fast());
        var due = DateTimeOffset.UtcNow.AddDays(3);
        var session = DateTimeOffset.UtcNow.AddDays(4);
        var (platformPage, links) = await TeachKit.DeepLinkAsync(tool, "med-520",
            new TeachKit.Item("fc-designing-prework", "Pre-work for week 3", new Dictionary<string, string>
            {
                ["points"] = "20", ["attempts"] = "2", ["feedback"] = "after_submission",
                ["due_at"] = due.ToString("yyyy-MM-dd'T'HH:mm"), ["session_at"] = session.ToString("yyyy-MM-dd'T'HH:mm"),
            }),
            new TeachKit.Item("fc-leading-the-session", "Practice: leading the session", new Dictionary<string, string> { ["points"] = "0" }));
        Assert.True(platformPage.Status == HttpStatusCode.OK, platformPage.ToString());

        var prework = TeachKit.CreatedLink(links, "Pre-work for week 3");
        Assert.Equal("fc-designing-prework", (string?)prework["custom"]!["module"]);
        Assert.Equal("20", (string?)prework["custom"]!["points"]);
        Assert.Equal("2", (string?)prework["custom"]!["attempts"]);
        Assert.NotNull((string?)prework["lineItem"]);
        var practice = TeachKit.CreatedLink(links, "Practice: leading the session");
        Assert.Null((string?)practice["lineItem"]);

        // A student works through the graded pre-work: the page shows the due date and the attempts allowed.
        var preworkLink = (string)prework["id"]!;
        var ana = await LearnerSession.LaunchAsync(tool, preworkLink, DevPlatformLaunch.Learner, "med-520");
        Assert.Contains("Due ", ana.Page.Text);
        Assert.Contains("Attempt 1 of 2", ana.Page.Text);
        var module = LearnerSession.Module(tool, "fc-designing-prework");
        var reflection = module.Questions.OfType<LtiCurriculum.Curriculum.Model.ReflectionQuestion>().First(q => q.Grading == LtiCurriculum.Curriculum.Model.ReflectionGrading.Instructor);
        var choice = LearnerSession.FirstSingleChoice(module);
        await ana.AnswerAsync(choice.Id, choice.Options.First(o => !o.IsCorrect).Id);
        await ana.AnswerAsync(reflection.Id, new string('x', Math.Max(reflection.MinLength, 1)) + " The muddiest point for me was the readiness test.");
        var attemptId = ana.AttemptId;
        var result = await ana.SubmitAsync();
        Assert.Contains("0 of 20 points", result.Text);

        // The instructor's first view of the link is class readiness: the roster from NRPS, Ana submitted, the wrong option and her reflection.
        using var browser = tool.NewBrowser();
        var steps = await browser.LaunchAsync(tool, "med-520", preworkLink, DevPlatformLaunch.Instructor);
        Assert.Equal("/teach/dashboard", steps.Page!.Url.AbsolutePath);
        var dashboard = steps.Page.Text;
        Assert.Contains("Class list from the LMS", dashboard);
        Assert.Contains("1 of ", dashboard);
        Assert.Contains("Ana Ramos", dashboard);
        Assert.Contains("The muddiest point for me was the readiness test.", dashboard);
        Assert.Contains("Not started", dashboard);
        Assert.Contains("Class session", dashboard);

        // Grading the reflection sends the updated score, in the activity's 20 points.
        var instructor = new LearnerSession(browser, tool, await browser.GetAsync(tool.Url($"/teach/grades?lti_session={Uri.EscapeDataString(steps.SessionToken)}")));
        var graded = await instructor.PostAsync("/teach/grades/grade", [new("attempt", attemptId.ToString()), new($"points_{reflection.Id}", reflection.Points.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.True(graded.Status == HttpStatusCode.SeeOther, graded.ToString());
        var gradebook = DevGradebook.Of(tool);
        await WaitAsync(async () => await gradebook.ResultOfAsync(Ana) is { } r && (string?)r["gradingProgress"] == "FullyGraded", "the graded score in the gradebook");
        var book = await gradebook.ResultOfAsync(Ana);
        Assert.Equal(20m, (decimal)book!["scoreMaximum"]!);
    }

    [Fact]
    public async Task A_copied_link_with_the_same_custom_parameters_opens_the_same_module_with_the_same_settings()
    {
        await using var tool = await ToolInstance.StartAsync();
        var settings = new Dictionary<string, string> { ["points"] = "15", ["attempts"] = "3" };
        var (_, first) = await TeachKit.DeepLinkAsync(tool, "med-530", new TeachKit.Item("cop-what-is", "Original term", settings));
        // A course copy gives the link a new resource link id and copies its custom parameters, as a second placement does here.
        var (_, second) = await TeachKit.DeepLinkAsync(tool, "med-530", new TeachKit.Item("cop-what-is", "Copied term", settings));
        var original = (string)TeachKit.CreatedLink(first, "Original term")["id"]!;
        var copy = (string)TeachKit.CreatedLink(second, "Copied term")["id"]!;
        Assert.NotEqual(original, copy);

        var inCopy = await LearnerSession.LaunchAsync(tool, copy, DevPlatformLaunch.Learner, "med-530");
        Assert.Contains("<h1>What is a community of practice?</h1>", inCopy.Page.Html);
        Assert.Contains("Attempt 1 of 3", inCopy.Page.Text);

        // The instructor changes the original's attempts in the tool; the copy keeps what its LMS link says.
        var instructor = await LearnerSession.LaunchAsync(tool, original, DevPlatformLaunch.Instructor, "med-530");
        await instructor.OpenAsync("/teach/settings");
        var saved = await instructor.PostAsync("/teach/settings", [new("module", "cop-what-is"), new("points", "15"), new("attempts", "1"), new("feedback", "immediate")]);
        Assert.True(saved.Status == HttpStatusCode.SeeOther, saved.ToString());
        Assert.Contains("Attempt 1 of 1", (await LearnerSession.LaunchAsync(tool, original, DevPlatformLaunch.Learner, "med-530")).Page.Text);
        Assert.Contains("Attempt 1 of 3", (await LearnerSession.LaunchAsync(tool, copy, DevPlatformLaunch.Learner, "med-530")).Page.Text);
    }

    [Fact]
    public async Task Cancel_sends_a_response_with_no_items_and_a_message()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var browser = tool.NewBrowser();
        var steps = await browser.LaunchAsync(tool, "med-501", link: null, user: DevPlatformLaunch.Instructor, messageType: DevPlatformLaunch.DeepLinking);
        var instructor = new LearnerSession(browser, tool, steps.Page!);
        var response = await instructor.PostAsync("/teach/deep-linking/cancel", []);
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        var platformPage = await browser.SubmitAsync(response.Form());
        Assert.True(platformPage.Status == HttpStatusCode.OK, platformPage.ToString());
        Assert.Contains("No content was added.", platformPage.Text);
        Assert.DoesNotContain(await TeachKit.LinksAsync(tool, "med-501"), l => (bool?)l!["createdByDeepLinking"] == true);

        // The request is single use: a second answer is refused with a clear page.
        var again = await instructor.PostAsync("/teach/deep-linking/cancel", []);
        Assert.Equal(HttpStatusCode.Gone, again.Status);
        Assert.Equal("deep_linking_request_gone", again.ReasonCode);
    }

    [Fact]
    public async Task Bad_settings_come_back_with_the_reason_next_to_each_field_and_nothing_is_sent()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var browser = tool.NewBrowser();
        var steps = await browser.LaunchAsync(tool, "med-501", link: null, user: DevPlatformLaunch.Instructor, messageType: DevPlatformLaunch.DeepLinking);
        var instructor = new LearnerSession(browser, tool, steps.Page!);
        await instructor.PostAsync("/teach/deep-linking/setup", [new("module", "co-case-for-change")]);
        var response = await instructor.PostAsync("/teach/deep-linking/respond",
            [new("count", "1"), new("item0_module", "co-case-for-change"), new("item0_title", "Case"), new("item0_points", "-4"), new("item0_attempts", "many"), new("item0_due_at", "tomorrow")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Contains("Enter points from 0 to 10000", response.Text);
        Assert.Contains("Enter a whole number of attempts", response.Text);
        Assert.Contains("Enter a date and time", response.Text);
        Assert.Contains("value=\"many\"", response.Html);

        var nothing = await instructor.PostAsync("/teach/deep-linking/setup", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.Status);
        Assert.Contains("Choose at least one module.", nothing.Text);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what}.");
            await Task.Delay(100, Ct);
        }
    }
}
