using System.Net;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static LtiCurriculum.Web.Tests.Support.DevPlatformLaunch;

namespace LtiCurriculum.Web.Tests;

/// <summary>Whole launches through the built-in development platform, over real HTTP, into a real SQLite file.</summary>
[Trait("Category", ServerDatabaseMatrix.Category)]
public sealed class LaunchFlowTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private ToolInstance Tool => fixture.Tool;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Learner_launch_shows_name_course_link_and_role()
    {
        // 1A-1, 1A-25, 1A-26, 1A-28, 1A-34
        using var browser = Tool.NewBrowser();
        var steps = await browser.LaunchAsync(Tool, course: "med-501", link: "link-cc-1", user: Learner);

        Assert.Equal(HttpStatusCode.OK, steps.Page!.Status);
        Assert.Equal(Tool.Origin + "/learn", steps.Page.Url.GetLeftPart(UriPartial.Path));
        var landing = steps.Landing!;
        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Equal("Ana Ramos", landing.Fact("Signed in as"));
        Assert.Equal("Learner", landing.Fact("Role"));
        Assert.Equal("Leading Curriculum Change", landing.Fact("Course"));
        Assert.Equal("Why curricula change: the case for overhaul (id link-cc-1)", landing.Fact("Activity link"));
        Assert.Equal(Tool.DevPlatformIssuer, landing.Fact("Platform"));
        Assert.DoesNotContain("anonymous launch", landing.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Instructor_launch_shows_the_instructor_role()
    {
        // 1A-26: institution#Faculty grants nothing in the course; membership#Instructor does
        using var browser = Tool.NewBrowser();
        var landing = (await browser.LaunchAsync(Tool, course: "med-210", link: "link-ho-1", user: Instructor)).Landing!;

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Equal("Jordan Lee", landing.Fact("Signed in as"));
        Assert.Equal("Instructor", landing.Fact("Role"));
        Assert.Equal("Hematology/Oncology Clinical Pre-work", landing.Fact("Course"));
    }

    [Fact]
    public async Task Teaching_assistant_sub_role_shows_teaching_assistant()
    {
        // 1A-26: membership/Instructor#TeachingAssistant sub-role only
        using var browser = Tool.NewBrowser();
        var landing = (await browser.LaunchAsync(Tool, user: TeachingAssistant)).Landing!;

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Equal("Sam Kim", landing.Fact("Signed in as"));
        Assert.Equal("Teaching assistant", landing.Fact("Role"));
    }

    [Fact]
    public async Task Launch_without_personal_data_works_and_stores_no_name_or_email()
    {
        // 1A-34: name and email depend on the platform's privacy settings
        using var browser = Tool.NewBrowser();
        var landing = (await browser.LaunchAsync(Tool, user: PrivateLearner)).Landing!;

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Equal("Learner", landing.Fact("Role"));
        Assert.DoesNotContain("Anonymous", landing.Fact("Signed in as"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("anonymous launch", landing.Text, StringComparison.OrdinalIgnoreCase);
        var user = await Tool.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Subject == "dev-user-1002", Ct));
        Assert.Null(user.Name);
        Assert.Null(user.Email);
    }

    [Fact]
    public async Task Anonymous_launch_is_read_only_and_creates_no_user()
    {
        // 1A-27: a resource-link launch without sub is accepted, shown read-only, nothing saved about the user
        var usersBefore = await Tool.QueryAsync(db => db.Users.CountAsync(Ct));
        using var browser = Tool.NewBrowser();
        var landing = (await browser.LaunchAsync(Tool, user: Anonymous)).Landing!;

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Contains("anonymous launch", landing.Text, StringComparison.Ordinal);
        Assert.Contains("nothing you do is saved or graded", landing.Text, StringComparison.Ordinal);
        Assert.Equal("Anonymous user", landing.Fact("Signed in as"));
        Assert.Equal(usersBefore, await Tool.QueryAsync(db => db.Users.CountAsync(Ct)));
    }

    [Fact]
    public async Task Administrator_launch_shows_the_administrator_role()
    {
        // 1A-26: institution and system Administrator are the only non-course roles that count
        using var browser = Tool.NewBrowser();
        var landing = (await browser.LaunchAsync(Tool, user: "admin")).Landing!;

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Equal("Administrator", landing.Fact("Role"));
    }

    [Fact]
    public async Task Moodle_style_post_login_works()
    {
        // 1A-1 (POST initiation), 1A-3 (lti_message_hint echoed), 1A-9
        using var browser = Tool.NewBrowser();
        var steps = await browser.LaunchAsync(Tool, style: "post");

        var loginForm = steps.PlatformLaunch.Form();
        Assert.Equal("/lti/login", loginForm.Action.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, steps.Landing!.Status);
        var authRequest = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(steps.Login.Location!.Query);
        Assert.Equal(loginForm["lti_message_hint"], authRequest["lti_message_hint"].Single());
        Assert.Equal(loginForm["login_hint"], authRequest["login_hint"].Single());
        Assert.Equal("openid", authRequest["scope"].Single());
        Assert.Equal("id_token", authRequest["response_type"].Single());
        Assert.Equal("form_post", authRequest["response_mode"].Single());
        Assert.Equal("none", authRequest["prompt"].Single());
        Assert.Equal(Tool.Origin + "/lti/launch", authRequest["redirect_uri"].Single());
    }

    [Fact]
    public async Task Canvas_style_get_login_with_vendor_parameters_works()
    {
        // 1A-1 (GET initiation), 1A-8 (canvas_region, canvas_environment, lti_storage_target are tolerated)
        using var browser = Tool.NewBrowser();
        var steps = await browser.LaunchAsync(Tool, style: "get", user: Instructor);

        var loginQuery = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(steps.PlatformLaunch.Location!.Query);
        Assert.Equal("unknown", loginQuery["canvas_region"].Single());
        Assert.Equal("production", loginQuery["canvas_environment"].Single());
        Assert.Equal("_parent", loginQuery["lti_storage_target"].Single());
        Assert.Equal(HttpStatusCode.OK, steps.Landing!.Status);
        Assert.Equal("Instructor", steps.Landing.Fact("Role"));
    }

    [Fact]
    public async Task Deep_linking_launch_lands_on_the_catalogue()
    {
        // 1A-22, 1B-39, 1B-40: no resource_link on a deep linking request
        using var browser = Tool.NewBrowser();
        var steps = await browser.LaunchAsync(Tool, link: null, user: Instructor, messageType: DeepLinking);

        Assert.Equal(Tool.Origin + "/teach/deep-linking", steps.Launch!.Location!.GetLeftPart(UriPartial.Path));
        var page = steps.Page!;
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Add content from LtiCurriculum", page.Text, StringComparison.Ordinal);
        Assert.Contains("Choose the modules to add to Leading Curriculum Change", page.Text, StringComparison.Ordinal);
        Assert.Contains("value=\"co-case-for-change\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_records_user_context_and_resource_link()
    {
        using var browser = Tool.NewBrowser();
        await browser.LaunchAsync(Tool, course: "med-210", link: "link-ho-2", user: Learner);

        var (user, context, link) = await Tool.QueryAsync(async db => (
            await db.Users.AsNoTracking().SingleAsync(u => u.Subject == "dev-user-1001", Ct),
            await db.Contexts.AsNoTracking().SingleAsync(c => c.ContextId == "med-210", Ct),
            await db.ResourceLinks.AsNoTracking().SingleAsync(r => r.ResourceLinkId == "link-ho-2", Ct)));
        Assert.Equal("Ana Ramos", user.Name);
        Assert.Equal("ana.ramos@example.edu", user.Email);
        Assert.Equal("MED-210", context.Label);
        Assert.Equal("Hematology/Oncology Clinical Pre-work", context.Title);
        Assert.Equal("dev-deployment-1", context.DeploymentId);
        Assert.Equal("Pre-work: tumor lysis syndrome and hypercalcemia", link.Title);
        Assert.Equal(context.Id, link.ContextDbId);
    }

    [Fact]
    public async Task Landing_page_can_be_framed_by_its_lms_and_is_not_cached()
    {
        // The LMS shows the tool in an iframe on its own domain; the page carries a session token in its URL.
        using var browser = Tool.NewBrowser();
        var landing = (await browser.LaunchAsync(Tool)).Landing!;

        Assert.Null(landing.Header("X-Frame-Options"));
        Assert.Contains($"frame-ancestors 'self' {Tool.Origin}", landing.Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", landing.Header("X-Content-Type-Options"));
        Assert.Equal("no-store", landing.Header("Cache-Control"));
    }

    [Fact]
    public async Task Landing_page_sets_referrer_policy_same_origin()
    {
        using var browser = Tool.NewBrowser();
        var steps = await browser.LaunchAsync(Tool);

        Assert.Equal("same-origin", steps.Landing!.Header("Referrer-Policy"));
        Assert.Equal("same-origin", steps.Launch!.Header("Referrer-Policy"));
        Assert.Equal("same-origin", steps.Login.Header("Referrer-Policy"));
    }
}

/// <summary>A second launch of the same person and link, later on: rows are updated, never duplicated.</summary>
public sealed class RepeatLaunchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Second_launch_updates_rows_instead_of_duplicating_them()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(new ToolSettings { Clock = clock });
        using var browser = tool.NewBrowser();

        await browser.LaunchAsync(tool, user: Learner);
        var first = await Snapshot(tool);
        clock.Advance(TimeSpan.FromMinutes(11));
        await browser.LaunchAsync(tool, user: Learner);
        var second = await Snapshot(tool);

        Assert.Equal((1, 1, 1), (second.Users, second.Contexts, second.Links));
        Assert.Equal(first.UserId, second.UserId);
        Assert.Equal(first.LinkId, second.LinkId);
        Assert.True(second.LastLaunchAt > first.LastLaunchAt, "The second launch should update the user's last launch time.");
    }

    [Fact]
    public async Task Launch_without_name_or_email_keeps_those_stored_earlier()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tool = await ToolInstance.StartAsync(new ToolSettings { Clock = clock });
        using var browser = tool.NewBrowser();
        await browser.LaunchAsync(tool, user: PrivateLearner);
        var first = await tool.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Subject == "dev-user-1002", Ct));
        // As if an earlier launch, before the platform's privacy setting changed, had shared them.
        await tool.QueryAsync(db => db.Users.Where(u => u.Id == first.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, "Lee Private").SetProperty(x => x.Email, "lee@example.edu"), Ct));

        clock.Advance(TimeSpan.FromMinutes(11));
        await browser.LaunchAsync(tool, user: PrivateLearner);

        var second = await tool.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Subject == "dev-user-1002", Ct));
        Assert.Equal((first.Id, "Lee Private", "lee@example.edu"), (second.Id, second.Name, second.Email));
        Assert.True(second.LastLaunchAt > first.LastLaunchAt, "The second launch should update the user's last launch time.");
    }

    private static Task<(int Users, int Contexts, int Links, int UserId, int LinkId, DateTimeOffset LastLaunchAt)> Snapshot(ToolInstance tool) =>
        tool.QueryAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Subject == "dev-user-1001", Ct);
            var link = await db.ResourceLinks.AsNoTracking().SingleAsync(r => r.ResourceLinkId == "link-cc-1", Ct);
            return (await db.Users.CountAsync(Ct), await db.Contexts.CountAsync(Ct), await db.ResourceLinks.CountAsync(Ct), user.Id, link.Id, user.LastLaunchAt);
        });
}
