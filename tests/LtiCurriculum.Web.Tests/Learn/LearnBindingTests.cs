using System.Net;
using LtiCurriculum.Web.Tests.Support;
using LtiCurriculum.Web.Learn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LtiCurriculum.Web.Tests.Support.DevPlatformLaunch;

namespace LtiCurriculum.Web.Tests.Learn;

/// <summary>Which module a link shows: its custom parameter, else the instructor's choice; learners wait until one is set.</summary>
public sealed class LearnBindingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unbound_link_tells_learners_to_wait_and_lets_the_instructor_choose()
    {
        await using var tool = await ToolInstance.StartAsync();
        var learner = await LearnerSession.LaunchAsync(tool, link: "link-cc-setup");
        Assert.Equal(HttpStatusCode.OK, learner.Page.Status);
        Assert.Contains("This activity is not set up yet", learner.Page.Text);

        using var instructorBrowser = tool.NewBrowser();
        var steps = await instructorBrowser.LaunchAsync(tool, link: "link-cc-setup", user: Instructor);
        Assert.Equal(HttpStatusCode.SeeOther, steps.Page!.Status);
        Assert.Equal("/teach/settings", steps.Page.Location!.AbsolutePath);
        var instructor = new LearnerSession(instructorBrowser, tool, await instructorBrowser.FollowAsync(steps.Page));
        Assert.Contains("Settings for this activity", instructor.Page.Text);
        Assert.Contains("value=\"cop-what-is\"", instructor.Page.Html);

        var bound = await instructor.PostAsync("/teach/settings", [new("module", "cop-what-is")]);
        Assert.Equal(HttpStatusCode.SeeOther, bound.Status);
        Assert.Equal("cop-what-is", await tool.QueryAsync(db => db.ResourceLinks.Where(r => r.ResourceLinkId == "link-cc-setup").Select(r => r.BoundModuleId).SingleAsync(Ct)));

        var again = await LearnerSession.LaunchAsync(tool, link: "link-cc-setup");
        Assert.Contains("<h1>What is a community of practice?</h1>", again.Page.Html);
    }

    [Fact]
    public async Task Learners_cannot_choose_and_unknown_modules_are_refused_by_name()
    {
        await using var tool = await ToolInstance.StartAsync();
        var learner = await LearnerSession.LaunchAsync(tool, link: "link-cc-setup");
        var instructorBrowser = tool.NewBrowser();
        var steps = await instructorBrowser.LaunchAsync(tool, link: "link-cc-setup", user: Instructor);
        var instructor = new LearnerSession(instructorBrowser, tool, await instructorBrowser.FollowAsync(steps.Page!));

        Assert.Equal(HttpStatusCode.Forbidden, (await learner.OpenAsync("/teach/settings")).Status);

        var unknown = await instructor.PostAsync("/teach/settings", [new("module", "no-such-module")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.Status);
        Assert.Contains("no-such-module", unknown.Text);

        // A binding to a module that later disappears (a pack removed) is a clear 404, not a crash.
        await tool.QueryAsync(db => db.ResourceLinks.Where(r => r.ResourceLinkId == "link-cc-setup").ExecuteUpdateAsync(s => s.SetProperty(r => r.BoundModuleId, "retired-module"), Ct));
        var linkId = await tool.QueryAsync(db => db.ResourceLinks.Where(r => r.ResourceLinkId == "link-cc-setup").Select(r => r.Id).SingleAsync(Ct));
        tool.Services.GetRequiredService<LearnerRequests>().Forget(linkId); // what a restart with the pack gone would do
        var relaunch = await LearnerSession.LaunchAsync(tool, link: "link-cc-setup");
        Assert.Equal(HttpStatusCode.NotFound, relaunch.Page.Status);
        Assert.Equal("module_unknown", relaunch.Page.ReasonCode);
        Assert.Contains("retired-module", relaunch.Page.Text);
    }

    [Fact]
    public async Task Instructor_choice_in_the_tool_wins_over_the_links_custom_module()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var browser = tool.NewBrowser();
        var steps = await browser.LaunchAsync(tool, link: "link-cc-1", user: Instructor);
        var instructor = new LearnerSession(browser, tool, steps.Page!);
        Assert.Equal("/teach/dashboard", steps.Page!.Url.AbsolutePath);
        await instructor.OpenAsync("/learn");
        Assert.Contains("<h1>Making the case for curricular change</h1>", instructor.Page.Html);
        Assert.Contains("course staff", instructor.Page.Text);

        var rebind = await instructor.PostAsync("/teach/settings", [new("module", "cop-what-is")]);
        Assert.Equal(HttpStatusCode.SeeOther, rebind.Status);
        await instructor.Browser.FollowAsync(rebind);
        var page = await instructor.OpenAsync("/learn");
        Assert.Contains("<h1>What is a community of practice?</h1>", page.Html);
    }
}
