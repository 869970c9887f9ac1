using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Learn;
using LtiCurriculum.Web.Teach.Dashboard;
using LtiCurriculum.Web.Teach.Grading;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>The dashboard keeps its report per link, and every write the page shows reaches the next render.</summary>
public sealed class ReadinessCacheTests
{
    private const string Module = "fc-designing-prework";

    [Fact]
    public async Task An_answer_save_a_submit_a_grading_and_a_new_name_each_show_on_the_next_render()
    {
        var t0 = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(t0);
        await using var tool = await ToolInstance.StartAsync(new ToolSettings { Clock = clock });
        var ct = TestContext.Current.CancellationToken;
        var contexts = tool.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>();
        var attempts = tool.Services.GetRequiredService<AttemptStore>();
        var grading = tool.Services.GetRequiredService<InstructorGrading>();
        var catalogue = tool.Services.GetRequiredService<ContentCatalogue>();
        var module = catalogue.FindModule(Module)!;
        int linkId, userId;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var link = db.ResourceLinks.Add(new ResourceLinkEntity { PlatformId = 1, DeploymentId = "d", ResourceLinkId = "cache-link" }).Entity;
            var user = db.Users.Add(new LtiUserEntity { PlatformId = 1, Subject = "s-cache", Name = "Cache Learner" }).Entity;
            await db.SaveChangesAsync(ct);
            (linkId, userId) = (link.Id, user.Id);
        }
        // A dashboard of its own, as another instance's would be: it sees the writes only through the database.
        using var connections = new LtiCurriculum.Web.Data.Stores.SqlitePreparedConnections(
            tool.Services.GetRequiredService<LtiCurriculum.Web.Data.Stores.SqlitePreparedConnections>().ConnectionString, tool.Services.GetRequiredService<WriteTransactions>());
        using var data = new ReadinessData(contexts, connections);
        var roster = Roster.Unavailable(t0);
        var session = t0.AddDays(1);
        Task<ReadinessReport> Render() => data.ReportAsync(linkId, 1, Module, module.English, roster, "(unnamed)", null, session, clock.GetUtcNow(), ct);

        var attempt = await attempts.CurrentAsync(linkId, userId, module, ct);
        var first = await Render();
        Assert.Equal(ReadinessState.InProgress, Assert.Single(first.Rows).State);
        Assert.Equal(TimeSpan.Zero, first.Rows[0].TimeSpent);
        // A link is kept from the second view that finds its work unchanged; then the kept report is served, with the
        // countdown following the clock.
        var started = await Render();
        Assert.NotSame(first.Rows, started.Rows);
        Assert.Equal(first.Rows, started.Rows);
        clock.Advance(TimeSpan.FromMinutes(1));
        var again = await Render();
        Assert.Same(started.Rows, again.Rows);
        Assert.Equal(session - clock.GetUtcNow(), again.UntilSession);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(SaveOutcome.Saved, (await attempts.SaveAnswerAsync(attempt.Id, linkId, userId, "fc-dp-q5", new string('r', 220), ct)).Outcome);
        var saved = await Render();
        Assert.Equal(TimeSpan.FromMinutes(10), Assert.Single(saved.Rows).TimeSpent);
        // Changed work is not kept at once: the next view computes again, the one after is served kept.
        var savedAgain = await Render();
        Assert.NotSame(saved.Rows, savedAgain.Rows);
        Assert.Same(savedAgain.Rows, (await Render()).Rows);

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SubmitOutcome.Submitted, (await attempts.SubmitAsync(attempt.Id, linkId, userId, (id, _) => catalogue.FindModule(id)?.English, null, false, ct)).Outcome);
        var submitted = await Render();
        var row = Assert.Single(submitted.Rows);
        Assert.Equal(ReadinessState.Submitted, row.State);
        Assert.Equal(clock.GetUtcNow(), row.SubmittedAt);
        var before = row.ScoreGiven;

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(GradingOutcome.Graded, (await grading.GradeAsync(attempt.Id, linkId, new Dictionary<string, decimal> { ["fc-dp-q5"] = 2m }, "Good plan.", ct)).Outcome);
        var graded = await Render();
        Assert.NotEqual(before, Assert.Single(graded.Rows).ScoreGiven);
        Assert.True(graded.Rows[0].ScoreGiven > (before ?? 0));

        // A launch that brings a new name (same length) renames the learner on the next render.
        Assert.Equal("Cache Learner", graded.Rows[0].Name);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, "Cache Renamed"), ct);
        }
        Assert.Equal("Cache Renamed", Assert.Single((await Render()).Rows).Name);
    }
}
