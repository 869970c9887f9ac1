using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Grades;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Grades;

/// <summary>
/// Many learners' scores in the outbox at once, written the way a submission writes them (GradeOutbox.AddAsync,
/// one transaction each), for a link that a real launch created. Scores are 1, 2, 3 … per learner, in order.
/// </summary>
internal static class OutboxSeed
{
    public static async Task<IReadOnlyList<GradeDeliveryEntity>> AddAsync(ToolInstance tool, string resourceLinkId, int learners, int scoresEach)
    {
        var services = tool.Services;
        var outbox = services.GetRequiredService<GradeOutbox>();
        var time = services.GetRequiredService<TimeProvider>();
        var writes = services.GetRequiredService<WriteTransactions>();
        await using var db = await services.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var link = await db.ResourceLinks.SingleAsync(l => l.ResourceLinkId == resourceLinkId, TestContext.Current.CancellationToken);
        var users = Enumerable.Range(1, learners)
            .Select(i => new LtiUserEntity { PlatformId = link.PlatformId, Subject = $"seed-learner-{i:D5}", LastLaunchAt = time.GetUtcNow() }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var rows = new List<GradeDeliveryEntity>();
        for (var round = 1; round <= scoresEach; round++)
        {
            foreach (var user in users)
            {
                var now = time.GetUtcNow();
                rows.Add(await writes.RunAsync(db, async ct =>
                {
                    var attempt = new AttemptEntity
                    {
                        ResourceLinkDbId = link.Id, UserDbId = user.Id, ModuleId = "co-case-for-change", Number = round,
                        Status = AttemptStatus.Submitted, StartedAt = now, UpdatedAt = now, SubmittedAt = now, ScoreGiven = round, ScoreMaximum = 10,
                    };
                    db.Attempts.Add(attempt);
                    await db.SaveChangesAsync(ct);
                    return (await outbox.AddAsync(db, attempt, isRegrade: false, now, ct))!;
                }, TestContext.Current.CancellationToken));
            }
        }
        return rows;
    }
}
