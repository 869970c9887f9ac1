using System.Net;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests;

/// <summary>Two instances on one SQLite file: login state and the Data Protection key ring live in the database.</summary>
[Trait("Category", ServerDatabaseMatrix.Category)]
public sealed class ScaleOutTests
{
    [Fact]
    public async Task Launch_begun_on_one_instance_completes_on_another_and_sessions_cross_over()
    {
        // 1A-11, 1A-12 shared across instances (§5 item 15)
        using var folder = new TempFolder();
        await using var a = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile });
        await using var b = await ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile });
        using var browser = a.NewBrowser();

        // Login on A; the platform's authentication response is posted to B with A's state and A's cookie.
        var steps = await browser.AuthorizeAsync(a);
        var response = steps.AuthenticationResponse;
        Assert.Equal(a.Origin + "/lti/launch", response.Action.AbsoluteUri);
        var onB = await browser.PostFormAsync(b.Url("/lti/launch"), response.Fields);

        Assert.True(onB.Status == HttpStatusCode.SeeOther, onB.ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.FollowAsync(onB)).Status);
        var landingOnB = await browser.AboutLaunchAsync(b, onB);
        Assert.Equal(HttpStatusCode.OK, landingOnB.Status);
        Assert.Equal("Ana Ramos", landingOnB.Fact("Signed in as"));

        // A session issued by A is read by B.
        var onA = await browser.LaunchAsync(a, user: DevPlatformLaunch.Instructor);
        using var otherBrowser = b.NewBrowser();
        var crossed = await otherBrowser.GetAsync(b.Url($"/launch/landing?lti_session={Uri.EscapeDataString(onA.SessionToken)}"));
        Assert.Equal(HttpStatusCode.OK, crossed.Status);
        Assert.Equal("Jordan Lee", crossed.Fact("Signed in as"));
    }

    [Fact]
    public async Task Instances_starting_together_on_a_fresh_database_agree_on_the_signing_key_and_read_each_others_sessions()
    {
        // StartupTasks: "Safe when several instances start at once."
        using var folder = new TempFolder();
        var started = await Task.WhenAll(
            ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile }),
            ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile }));
        await using var a = started[0];
        await using var b = started[1];

        var currentOnA = (await ToolKeyTests.ReadKeysAsync(a))[0].GetProperty("kid").GetString();
        var currentOnB = (await ToolKeyTests.ReadKeysAsync(b))[0].GetProperty("kid").GetString();
        Assert.Equal(currentOnA, currentOnB);

        using var browser = a.NewBrowser();
        var onA = await browser.LaunchAsync(a);
        var onB = await browser.LaunchAsync(b, user: DevPlatformLaunch.Instructor);
        using var reader = a.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(b.Url($"/launch/landing?lti_session={Uri.EscapeDataString(onA.SessionToken)}"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(a.Url($"/launch/landing?lti_session={Uri.EscapeDataString(onB.SessionToken)}"))).Status);
    }
}
