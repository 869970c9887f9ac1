using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Teach.Dashboard;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>A course without a class list service is remembered briefly; a service added later shows after that, or at once on refresh.</summary>
public sealed class ClassRosterTests
{
    [Fact]
    public async Task A_course_without_a_class_list_is_kept_briefly_and_a_refresh_reads_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var tool = await ToolInstance.StartAsync(new ToolSettings { Clock = clock });
        var ct = TestContext.Current.CancellationToken;
        var contexts = tool.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>();
        var rosters = tool.Services.GetRequiredService<ClassRoster>();
        int contextId;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            // The token endpoint answers nobody (port 9, discard), so asking for the class list fails.
            var platform = db.Platforms.Add(new PlatformEntity
            {
                Issuer = "https://roster.example.edu", ClientId = "x", AuthorizationEndpoint = "https://roster.example.edu/auth",
                TokenEndpoint = "http://127.0.0.1:9/token", JwksUri = "https://roster.example.edu/jwks", Source = "cli",
            }).Entity;
            await db.SaveChangesAsync(ct);
            var context = db.Contexts.Add(new LtiContextEntity { PlatformId = platform.Id, DeploymentId = "d", ContextId = "roster-course" }).Entity;
            await db.SaveChangesAsync(ct);
            contextId = context.Id;
        }

        var first = await rosters.ReadAsync(contextId, refresh: false, ct);
        Assert.Equal(RosterSource.Unavailable, first.Source);
        // A later launch brings the NRPS claim (here: a service nobody answers at).
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await db.Contexts.Where(c => c.Id == contextId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.MembershipsUrl, "http://127.0.0.1:9/memberships"), ct);
        }
        Assert.Same(first, await rosters.ReadAsync(contextId, refresh: false, ct));
        Assert.Equal(RosterSource.Failed, (await rosters.ReadAsync(contextId, refresh: true, ct)).Source);

        await rosters.ReadAsync(contextId, refresh: false, ct);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await db.Contexts.Where(c => c.Id == contextId).ExecuteUpdateAsync(s => s.SetProperty(c => c.MembershipsUrl, (string?)null), ct);
        }
        clock.Advance(TimeSpan.FromMinutes(1));
        var later = await rosters.ReadAsync(contextId, refresh: false, ct);
        Assert.Equal(RosterSource.Unavailable, later.Source);
        Assert.NotSame(first, later);
        clock.Advance(ClassRoster.UnavailableLifetime - TimeSpan.FromSeconds(1));
        Assert.Same(later, await rosters.ReadAsync(contextId, refresh: false, ct));
    }
}
