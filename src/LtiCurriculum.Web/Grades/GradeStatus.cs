using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Grades;

/// <summary>One learner of a link: their latest submitted attempt and what became of its latest score.</summary>
public sealed record LearnerGrade(
    int UserDbId, string Subject, string? Name, int AttemptId, int AttemptNumber, decimal? ScoreGiven, decimal? ScoreMaximum,
    bool AwaitingInstructor, DateTimeOffset? SubmittedAt, string ModuleId, DeliveryRow? Delivery, IReadOnlyList<GradedAnswer> Answers,
    string? InstructorComment, string? ModuleVersion = null);

/// <summary>A stored answer with any points an instructor gave it.</summary>
public sealed record GradedAnswer(string QuestionId, string Value, decimal? InstructorPoints);

/// <summary>One outbox row as instructors and admins see it.</summary>
public sealed record DeliveryRow(
    long Id, int PlatformId, int ResourceLinkDbId, string ResourceLinkId, string? LinkTitle, string Subject, string? UserName,
    decimal? ScoreGiven, decimal? ScoreMaximum, bool AwaitingInstructor, GradeDeliveryStatus Status, int Failures,
    int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt);

public enum RetryOutcome { Queued, Superseded, NotFound, NotRetryable }

/// <summary>Delivery status for the instructor's page and the admin CLI, and the retry both offer.</summary>
public sealed class GradeStatus(IDbContextFactory<LtiDbContext> contexts, WriteTransactions writes, GradeOutbox outbox, TimeProvider time)
{
    public async Task<IReadOnlyList<LearnerGrade>> ForLinkAsync(int linkId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.ResourceLinkDbId == linkId && a.Status == AttemptStatus.Submitted)
            .Join(db.Users, a => a.UserDbId, u => u.Id, (a, u) => new { a, u })
            .ToListAsync(cancellationToken);
        var latest = attempts.GroupBy(x => x.a.UserDbId).Select(g => g.OrderByDescending(x => x.a.Number).First()).ToList();
        var deliveries = await Rows(db, db.GradeDeliveries.Where(d => d.ResourceLinkDbId == linkId)).ToListAsync(cancellationToken);
        var lastDelivery = deliveries.GroupBy(d => d.Subject).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Id)!, StringComparer.Ordinal);
        var attemptIds = latest.Select(x => x.a.Id).ToList();
        var answers = (await db.Answers.AsNoTracking().Where(a => attemptIds.Contains(a.AttemptId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.AttemptId, a => new GradedAnswer(a.QuestionId, a.Value, a.InstructorPoints));
        return latest
            .Select(x => new LearnerGrade(x.u.Id, x.u.Subject, x.u.Name ?? JoinName(x.u.GivenName, x.u.FamilyName) ?? x.u.Email, x.a.Id, x.a.Number,
                x.a.ScoreGiven, x.a.ScoreMaximum, x.a.AwaitingInstructor, x.a.SubmittedAt, x.a.ModuleId, lastDelivery.GetValueOrDefault(x.u.Subject), answers[x.a.Id].ToList(),
                x.a.InstructorComment, x.a.ModuleVersion))
            .OrderBy(g => g.Name ?? g.Subject, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The latest outbox row of one learner in one link (for the "not graded" banner).</summary>
    public async Task<GradeDeliveryStatus?> LatestStatusAsync(int linkId, int userId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.GradeDeliveries.Where(d => d.ResourceLinkDbId == linkId && d.UserDbId == userId)
            .OrderByDescending(d => d.Id).Select(d => (GradeDeliveryStatus?)d.Status).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryRow>> ListAsync(GradeDeliveryStatus? status, int? platformId, int limit, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var rows = db.GradeDeliveries.AsQueryable();
        if (status is { } s) rows = rows.Where(d => d.Status == s);
        if (platformId is { } p) rows = rows.Where(d => d.PlatformId == p);
        var list = await Rows(db, rows.OrderBy(d => d.Id).Take(limit)).ToListAsync(cancellationToken);
        return list.OrderBy(r => r.Id).ToList();
    }

    public async Task<Dictionary<GradeDeliveryStatus, int>> CountsAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.GradeDeliveries.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>
    /// Puts a failed score back in the queue, counting from zero. A score older than one already delivered to the
    /// same learner and link is not sent again (it would overwrite a newer grade): it is marked superseded.
    /// <paramref name="linkId"/> limits an instructor to their own link.
    /// </summary>
    public async Task<RetryOutcome> RetryAsync(long deliveryId, int? linkId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var outcome = await writes.RunAsync(db, async ct =>
        {
            var row = await db.GradeDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && (linkId == null || d.ResourceLinkDbId == linkId), ct);
            if (row is null) return RetryOutcome.NotFound;
            if (row.Status is not (GradeDeliveryStatus.NeedsAttention or GradeDeliveryStatus.NotGradable or GradeDeliveryStatus.Pending)) return RetryOutcome.NotRetryable;
            var newerDelivered = await db.GradeDeliveries.AnyAsync(d => d.ResourceLinkDbId == row.ResourceLinkDbId && d.UserDbId == row.UserDbId && d.Id > row.Id && d.Status == GradeDeliveryStatus.Delivered, ct);
            if (newerDelivered)
            {
                row.Status = GradeDeliveryStatus.Superseded;
                await db.SaveChangesAsync(ct);
                return RetryOutcome.Superseded;
            }
            row.Status = GradeDeliveryStatus.Pending;
            row.Failures = 0;
            row.NextAttemptAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return RetryOutcome.Queued;
        }, cancellationToken);
        if (outcome == RetryOutcome.Queued) outbox.Wake();
        return outcome;
    }

    /// <summary>Retries every score that needs attention (optionally of one platform); returns how many were queued.</summary>
    public async Task<(int Queued, int Superseded)> RetryAllAsync(int? platformId, CancellationToken cancellationToken)
    {
        var ids = (await ListAsync(GradeDeliveryStatus.NeedsAttention, platformId, int.MaxValue, cancellationToken)).Select(r => r.Id).ToList();
        int queued = 0, superseded = 0;
        foreach (var id in ids)
        {
            switch (await RetryAsync(id, null, cancellationToken))
            {
                case RetryOutcome.Queued: queued++; break;
                case RetryOutcome.Superseded: superseded++; break;
            }
        }
        return (queued, superseded);
    }

    /// <summary>Filter and order <paramref name="deliveries"/> before this projection; EF cannot filter on the record it builds.</summary>
    private static IQueryable<DeliveryRow> Rows(LtiDbContext db, IQueryable<GradeDeliveryEntity> deliveries) =>
        from d in deliveries.AsNoTracking()
        join l in db.ResourceLinks on d.ResourceLinkDbId equals l.Id
        join u in db.Users on d.UserDbId equals u.Id
        select new DeliveryRow(d.Id, d.PlatformId, d.ResourceLinkDbId, l.ResourceLinkId, l.Title, u.Subject, u.Name,
            d.ScoreGiven, d.ScoreMaximum, d.AwaitingInstructor, d.Status, d.Failures, d.LastStatusCode, d.LastError, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt);

    private static string? JoinName(string? given, string? family) =>
        string.Join(' ', new[] { given, family }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } joined ? joined : null;
}
