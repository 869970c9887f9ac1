using System.Net;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

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

    [Fact]
    public async Task An_instance_waits_to_migrate_while_another_migrates_and_then_finds_the_database_current()
    {
        // Data/OneMigrationAtATime: on PostgreSQL EF Core's own lock is let go between migrations, so two instances
        // starting together could both apply one ("column ... already exists"); the tool holds a lock for the whole run.
        using var folder = new TempFolder();
        _ = TestDatabase.Settings(folder.DatabaseFile); // creates the (empty) PostgreSQL database to lock
        var held = TestDatabase.HoldMigrationLock(folder.DatabaseFile);
        Task<ToolInstance> starting;
        try
        {
            // On its own thread: SQLite waits for a lock synchronously, inside the async start.
            starting = Task.Run(() => ToolInstance.StartAsync(new ToolSettings { DatabaseFile = folder.DatabaseFile }), TestContext.Current.CancellationToken);
            // For 3 s the instance waits: nothing is created, not even the migrations' history table.
            for (var i = 0; i < 15; i++)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
                Assert.False(starting.IsCompleted, "The instance started while another held the migration lock.");
                Assert.Equal(0, held.Tables());
            }
        }
        finally
        {
            held.Dispose();
        }
        await using var tool = await starting;
        Assert.Empty(await tool.QueryAsync(db => db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)));
        using var browser = tool.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.LaunchAsync(tool)).Landing!.Status);
    }
}
