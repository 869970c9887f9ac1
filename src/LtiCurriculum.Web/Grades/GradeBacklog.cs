using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Grades;

/// <summary>How many scores wait for delivery, and for how long the oldest has waited.</summary>
public sealed record GradeBacklogSnapshot(int Pending, TimeSpan? OldestAge, DateTimeOffset ReadAt);

/// <summary>
/// The outbox backlog: pending scores (first try or retry; held and finished ones do not count) and the age of the
/// oldest. One small query, answered from a copy for <see cref="CacheFor"/> so metric scrapes and health probes
/// cannot hammer the database however often they come.
/// </summary>
public sealed class GradeBacklog(IDbContextFactory<LtiDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private volatile GradeBacklogSnapshot? _last;

    /// <summary>For metric callbacks, which are synchronous (they run on the exporter's thread, not a request's).</summary>
    public GradeBacklogSnapshot Read()
    {
        if (Fresh() is { } known) return known;
        using var db = contexts.CreateDbContext();
        return Keep(PendingOf(db).FirstOrDefault());
    }

    public async Task<GradeBacklogSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } known) return known;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return Keep(await PendingOf(db).FirstOrDefaultAsync(cancellationToken));
    }

    private GradeBacklogSnapshot? Fresh() =>
        _last is { } last && time.GetUtcNow() - last.ReadAt < CacheFor ? last : null;

    /// <summary>The oldest pending row with the number of pending rows, in one round trip; no row when none waits.</summary>
    private static IQueryable<OldestPending> PendingOf(LtiDbContext db) =>
        db.GradeDeliveries.AsNoTracking()
            .Where(d => d.Status == GradeDeliveryStatus.Pending)
            .OrderBy(d => d.CreatedAt)
            .Select(d => new OldestPending(d.CreatedAt, db.GradeDeliveries.Count(e => e.Status == GradeDeliveryStatus.Pending)));

    private GradeBacklogSnapshot Keep(OldestPending? oldest)
    {
        var now = time.GetUtcNow();
        var snapshot = oldest is null
            ? new GradeBacklogSnapshot(0, null, now)
            : new GradeBacklogSnapshot(oldest.Count, now - oldest.CreatedAt < TimeSpan.Zero ? TimeSpan.Zero : now - oldest.CreatedAt, now);
        _last = snapshot;
        return snapshot;
    }

    private sealed record OldestPending(DateTimeOffset CreatedAt, int Count);
}
