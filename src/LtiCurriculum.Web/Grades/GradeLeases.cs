using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Grades;

/// <summary>
/// The worker's database side. A row is taken with a conditional update (pending, lease free or expired), so
/// several instances on one database never own the same row at once; only the owner of the lease may record
/// its outcome. Only the oldest pending row of each (link, user) is taken, which keeps their order.
/// </summary>
public sealed class GradeLeases(IDbContextFactory<LtiDbContext> contexts, WriteTransactions writes, TimeProvider time, IOptions<GradeOptions> options)
{
    private readonly GradeOptions _options = options.Value;

    public async Task<IReadOnlyList<int>> PlatformsWithDueWorkAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = contexts.CreateDbContext();
        // The rows LeaseAsync would take, not merely pending ones: a learner's later score queued behind an earlier one
        // in backoff would otherwise start a drain that finds nothing, whose wake-up starts the next: a busy loop
        // until the earlier score is due.
        return await Takeable(db, now).Select(d => d.PlatformId).Distinct().ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LeasedDelivery>> LeaseAsync(int platformId, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        await using var db = contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var candidates = await Due(db, platformId, now)
            .Join(db.ResourceLinks, d => d.ResourceLinkDbId, l => l.Id, (d, l) => new { d, l })
            .Join(db.Users, x => x.d.UserDbId, u => u.Id, (x, u) => new { x.d, x.l, u })
            .Select(x => new LeasedDelivery(
                x.d.Id, token, x.d.PlatformId, x.d.ResourceLinkDbId, x.l.ResourceLinkId, x.l.Title,
                db.Attempts.Where(a => a.Id == x.d.AttemptId).Select(a => a.ModuleId).FirstOrDefault(),
                x.d.ScoreGiven, x.d.ScoreMaximum, x.d.AwaitingInstructor, x.d.IsRegrade, x.d.Timestamp, x.d.SubmittedAt,
                x.d.Failures, x.d.MaybeSent, x.u.Subject, x.l.ProductFamily, x.l.AgsScopes, x.l.LineItemUrl, x.l.LineItemsUrl, x.l.ResolvedLineItemUrl, x.d.Comment))
            .Take(max).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }
        var ids = candidates.Select(c => c.Id).ToList();
        var until = now + _options.LeaseDuration;
        int claimed;
        using (await writes.EnterSqliteWriterAsync(cancellationToken))
        {
            claimed = await db.GradeDeliveries
                .Where(d => ids.Contains(d.Id) && d.Status == GradeDeliveryStatus.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.LeaseOwner, token).SetProperty(d => d.LeaseUntil, until).SetProperty(d => d.MaybeSent, true), cancellationToken);
        }
        if (claimed == candidates.Count)
        {
            return candidates;
        }
        // Another instance took some of them between the read and the update.
        var mine = await db.GradeDeliveries.Where(d => d.LeaseOwner == token).Select(d => d.Id).ToListAsync(cancellationToken);
        return candidates.Where(c => mine.Contains(c.Id)).ToList();
    }

    private static IQueryable<GradeDeliveryEntity> Due(LtiDbContext db, int platformId, DateTimeOffset now) =>
        Takeable(db, now).Where(d => d.PlatformId == platformId).OrderBy(d => d.Id);

    private static IQueryable<GradeDeliveryEntity> Takeable(LtiDbContext db, DateTimeOffset now) =>
        db.GradeDeliveries
            .Where(d => d.Status == GradeDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .Where(d => !db.GradeDeliveries.Any(e => e.ResourceLinkDbId == d.ResourceLinkDbId && e.UserDbId == d.UserDbId && e.Id < d.Id && e.Status == GradeDeliveryStatus.Pending))
            // A disabled platform's scores stay pending, untouched, until it is enabled again (also stops a drain under way).
            .Where(d => !db.Platforms.Any(p => p.Id == d.PlatformId && p.IsDisabled));

    /// <summary>Records the outcomes of one round in one transaction. Rows whose lease was lost are left alone.</summary>
    public async Task CompleteAsync(IReadOnlyList<(LeasedDelivery Delivery, DeliveryResult Result)> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        await using var db = contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await writes.RunAsync(db, async ct =>
        {
            foreach (var group in outcomes.Where(o => o.Result.Verdict == DeliveryVerdict.Delivered).GroupBy(o => o.Delivery.LeaseToken))
            {
                var ids = group.Select(o => o.Delivery.Id).ToList();
                await db.GradeDeliveries.Where(d => ids.Contains(d.Id) && d.LeaseOwner == group.Key)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(d => d.Status, GradeDeliveryStatus.Delivered).SetProperty(d => d.DeliveredAt, now)
                        .SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                        .SetProperty(d => d.MaybeSent, false).SetProperty(d => d.LastError, (string?)null), ct);
            }
            foreach (var (delivery, result) in outcomes.Where(o => o.Result.Verdict != DeliveryVerdict.Delivered))
            {
                await RecordAsync(db, delivery, result, now, ct);
            }
            return 0;
        }, cancellationToken);
    }

    /// <summary>
    /// Gives back scores this instance leased but did not get an answer for (shutdown): free to take at once, with
    /// their failures and next try unchanged. One whose send had started may have landed, and is marked so.
    /// </summary>
    public async Task ReleaseAsync(IReadOnlyList<(LeasedDelivery Delivery, bool Started)> unsent, CancellationToken cancellationToken)
    {
        if (unsent.Count == 0)
        {
            return;
        }
        await using var db = contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await writes.RunAsync(db, async ct =>
        {
            foreach (var group in unsent.GroupBy(u => (u.Delivery.LeaseToken, MaybeSent: u.Started || u.Delivery.MaybeSentBefore)))
            {
                var ids = group.Select(u => u.Delivery.Id).ToList();
                await db.GradeDeliveries.Where(d => ids.Contains(d.Id) && d.LeaseOwner == group.Key.LeaseToken)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                        .SetProperty(d => d.MaybeSent, group.Key.MaybeSent), ct);
            }
            return 0;
        }, cancellationToken);
    }

    private Task<int> RecordAsync(LtiDbContext db, LeasedDelivery delivery, DeliveryResult result, DateTimeOffset now, CancellationToken ct)
    {
        var failures = result.Verdict == DeliveryVerdict.Later ? delivery.Failures : delivery.Failures + 1;
        var status = result.Verdict switch
        {
            DeliveryVerdict.NeedsAttention => GradeDeliveryStatus.NeedsAttention,
            DeliveryVerdict.NotGradable => GradeDeliveryStatus.NotGradable,
            DeliveryVerdict.Retry when failures >= _options.MaxFailures => GradeDeliveryStatus.NeedsAttention,
            _ => GradeDeliveryStatus.Pending,
        };
        var next = now + (result.RetryAfter ?? RetrySchedule.Delay(failures, _options));
        var error = Shorten(status == GradeDeliveryStatus.NeedsAttention && result.Verdict == DeliveryVerdict.Retry
            ? $"Gave up after {failures} failed tries. Last: {result.Error}"
            : result.Error);
        // An earlier send whose answer never came may still have landed, whatever this try was told.
        var maybeSent = result.AnswerUnknown || delivery.MaybeSentBefore;
        return db.GradeDeliveries.Where(d => d.Id == delivery.Id && d.LeaseOwner == delivery.LeaseToken)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, status).SetProperty(d => d.Failures, failures).SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.MaybeSent, maybeSent)
                .SetProperty(d => d.LastStatusCode, result.StatusCode).SetProperty(d => d.LastError, error), ct);
    }

    private static string? Shorten(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
