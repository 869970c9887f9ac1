using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Teach.Dashboard;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>A course's class list service, read by the SQLite fast path, is exactly what the EF path (SQL Server's, PostgreSQL's) reads.</summary>
public sealed class MembershipServiceTests
{
    [Fact]
    public async Task Sqlite_reader_and_EF_path_find_the_same_service_and_platform()
    {
        await using var tool = await ToolInstance.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var contexts = tool.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>();
        var nrps = tool.Services.GetRequiredService<NrpsClient>();
        var contextIds = new List<int>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var withAudience = db.Platforms.Add(new PlatformEntity
            {
                Issuer = "https://audience.example.edu", ClientId = "client-ü 中文", AuthorizationEndpoint = "https://audience.example.edu/auth",
                TokenEndpoint = "https://audience.example.edu/token", TokenAudience = "https://audience.example.edu/oauth2/token",
                JwksUri = "https://audience.example.edu/jwks", Source = "cli",
            }).Entity;
            var plain = db.Platforms.Add(new PlatformEntity
            {
                Issuer = "https://plain.example.edu", ClientId = "plain", AuthorizationEndpoint = "https://plain.example.edu/auth",
                TokenEndpoint = "https://plain.example.edu/token", JwksUri = "https://plain.example.edu/jwks", Source = "cli",
            }).Entity;
            await db.SaveChangesAsync(ct);
            var courses = new[]
            {
                new LtiContextEntity { PlatformId = withAudience.Id, DeploymentId = "d", ContextId = "listed", MembershipsUrl = "https://audience.example.edu/api/lti/courses/7/names_and_roles" },
                new LtiContextEntity { PlatformId = plain.Id, DeploymentId = "d", ContextId = "plain", MembershipsUrl = "https://plain.example.edu/mod/lti/services.php/2/memberships" },
                new LtiContextEntity { PlatformId = plain.Id, DeploymentId = "d", ContextId = "unlisted" },
            };
            db.Contexts.AddRange(courses);
            await db.SaveChangesAsync(ct);
            contextIds.AddRange(courses.Select(c => c.Id));
        }

        using var ef = new ClassRoster(contexts, nrps, TimeProvider.System, NullLogger<ClassRoster>.Instance);
        using var fast = new ClassRoster(contexts, nrps, TimeProvider.System, NullLogger<ClassRoster>.Instance, tool.Services.GetRequiredService<SqlitePreparedConnections>());
        var described = new List<string>();
        foreach (var contextId in contextIds.Append(contextIds.Max() + 1000))
        {
            var byEf = await ef.FindServiceAsync(contextId, ct);
            var bySqlite = await fast.FindServiceAsync(contextId, ct);
            Assert.Equal(Describe(byEf), Describe(bySqlite));
            Assert.Equal(byEf?.Platform?.PlatformId, bySqlite?.Platform?.PlatformId);
            described.Add(Describe(byEf));
        }
        Assert.Equal(
        [
            "https://audience.example.edu/api/lti/courses/7/names_and_roles|client-ü 中文|https://audience.example.edu/token|https://audience.example.edu/oauth2/token",
            "https://plain.example.edu/mod/lti/services.php/2/memberships|plain|https://plain.example.edu/token|",
            "|plain|https://plain.example.edu/token|",
            "(none)",
        ], described);
    }

    private static string Describe(MembershipServiceRow? row) => row is null
        ? "(none)"
        : string.Join('|', row.Url, row.Platform?.ClientId, row.Platform?.TokenEndpoint, row.Platform?.TokenAudience);
}
