using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Learn;
using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Learn;

/// <summary>A learner page's link, read by the SQLite fast path, is exactly what the EF path (SQL Server's, PostgreSQL's) reads.</summary>
public sealed class LinkFactsTests
{
    [Fact]
    public async Task Sqlite_reader_and_EF_path_give_the_same_link_and_course_title()
    {
        await using var tool = await ToolInstance.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var contexts = tool.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>();
        var sqlite = tool.Services.GetRequiredService<LtiCurriculum.Web.Data.Stores.SqlitePreparedConnections>();
        var catalogue = tool.Services.GetRequiredService<ContentCatalogue>();
        var links = new List<int>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var titled = db.Contexts.Add(new LtiContextEntity { PlatformId = 1, DeploymentId = "d", ContextId = "titled", Label = "MED-101", Title = "Clinical skills 1" }).Entity;
            var labelled = db.Contexts.Add(new LtiContextEntity { PlatformId = 1, DeploymentId = "d", ContextId = "labelled", Label = "MED-102" }).Entity;
            var bare = db.Contexts.Add(new LtiContextEntity { PlatformId = 1, DeploymentId = "d", ContextId = "bare" }).Entity;
            await db.SaveChangesAsync(ct);
            var entities = new[]
            {
                new ResourceLinkEntity
                {
                    PlatformId = 1, DeploymentId = "d", ResourceLinkId = "full", ContextDbId = titled.Id, Title = "Pre-work: ünïcödé 中文 🙂",
                    CustomModuleId = "fc-designing-prework", CustomParameters = "{\"points\":\"10\"}", BoundModuleId = "fc-leading-the-session",
                    InstructorSettings = "{\"AttemptsAllowed\":2}",
                },
                new ResourceLinkEntity { PlatformId = 1, DeploymentId = "d", ResourceLinkId = "labelled", ContextDbId = labelled.Id, Title = "Second" },
                new ResourceLinkEntity { PlatformId = 1, DeploymentId = "d", ResourceLinkId = "bare", ContextDbId = bare.Id },
                new ResourceLinkEntity { PlatformId = 1, DeploymentId = "d", ResourceLinkId = "no-course" },
            };
            db.ResourceLinks.AddRange(entities);
            await db.SaveChangesAsync(ct);
            links.AddRange(entities.Select(e => e.Id));
        }

        using var ef = new LearnerRequests(contexts, catalogue, TimeProvider.System);
        using var fast = new LearnerRequests(contexts, catalogue, TimeProvider.System, sqlite);
        var described = new List<string>();
        foreach (var linkId in links.Append(links.Max() + 1000))
        {
            var session = new LaunchSession(1, "d", null, linkId, 5, LtiRole.Learner, IsDeepLinking: false, "en", null, DateTimeOffset.MaxValue, DeepLinkingRequestId: null);
            var expected = Describe(await ef.ResolveAsync(session, "token", linkId));
            Assert.Equal(expected, Describe(await fast.ResolveAsync(session, "token", linkId)));
            described.Add(expected);
        }
        Assert.Equal(
        [
            $"{links[0]}|Pre-work: ünïcödé 中文 🙂|Clinical skills 1|fc-designing-prework|fc-leading-the-session|{{\"points\":\"10\"}}|{{\"AttemptsAllowed\":2}}",
            $"{links[1]}|Second|MED-102||||",
            $"{links[2]}||||||",
            $"{links[3]}||||||",
            "(none)",
        ], described);
    }

    private static string Describe(LearnerRequest? request) => request?.Link is not { } link
        ? "(none)"
        : string.Join('|', link.Id, link.Title, link.CourseTitle, link.CustomModuleId, link.BoundModuleId, link.CustomParameters, link.InstructorSettings);
}
