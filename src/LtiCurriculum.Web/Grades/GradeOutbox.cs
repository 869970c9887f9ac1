using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Grades;

/// <summary>
/// Writes outgoing scores. Always called inside the caller's transaction (the submission or the grading), so a
/// score exists exactly when the thing it reports does. The worker is woken after the caller commits.
/// </summary>
public sealed class GradeOutbox(GradeDeliverySignal signal)
{
    /// <summary>
    /// Adds the score of <paramref name="attempt"/> when its link reports grades (the launch granted the score scope
    /// and named a line item or a container) and the module has points. Returns the row, or null when nothing is graded.
    /// </summary>
    public async Task<GradeDeliveryEntity?> AddAsync(LtiDbContext db, AttemptEntity attempt, bool isRegrade, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = await db.ResourceLinks.AsNoTracking()
            .Where(r => r.Id == attempt.ResourceLinkDbId)
            .Select(r => new { r.PlatformId, r.AgsScopes, r.LineItemUrl, r.LineItemsUrl, r.ProductFamily })
            .FirstOrDefaultAsync(cancellationToken);
        if (link is null || !Grants(link.AgsScopes, AgsScopes.Score) || (link.LineItemUrl is null && link.LineItemsUrl is null)
            || attempt.ScoreGiven is null || attempt.ScoreMaximum is not > 0m)
        {
            return null;
        }
        var row = new GradeDeliveryEntity
        {
            PlatformId = link.PlatformId,
            ResourceLinkDbId = attempt.ResourceLinkDbId,
            UserDbId = attempt.UserDbId,
            AttemptId = attempt.Id,
            ScoreGiven = attempt.ScoreGiven,
            ScoreMaximum = attempt.ScoreMaximum,
            AwaitingInstructor = attempt.AwaitingInstructor,
            IsRegrade = isRegrade,
            Comment = attempt.InstructorComment,
            SubmittedAt = attempt.SubmittedAt,
            Status = ScorePlan.IsHeld(link.ProductFamily, attempt.AwaitingInstructor) ? GradeDeliveryStatus.Held : GradeDeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        for (var round = 1; ; round++)
        {
            var previous = await db.GradeDeliveries
                .Where(d => d.ResourceLinkDbId == attempt.ResourceLinkDbId && d.UserDbId == attempt.UserDbId)
                .OrderByDescending(d => d.Timestamp).Select(d => (DateTimeOffset?)d.Timestamp).FirstOrDefaultAsync(cancellationToken);
            row.Timestamp = NextTimestamp(previous, now);
            db.GradeDeliveries.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return row;
            }
            catch (DbUpdateException) when (round < MaxTimestampTries)
            {
                // Another writer (the learner submitting while the instructor grades, on another instance) took this
                // timestamp first: the unique (link, user, timestamp) index refused ours. EF rolled back to its
                // savepoint; read the newer timestamp and take the next millisecond.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Each refused try means another writer's score landed, so N writers racing need at most N tries.</summary>
    private const int MaxTimestampTries = 16;

    /// <summary>Tells this instance's worker that a score is waiting. Call after the transaction committed.</summary>
    public void Wake() => signal.Wake();

    /// <summary>
    /// Platforms ignore (Canvas: 400; Moodle: 409) a score not newer than the last one, and they compare milliseconds.
    /// Strictly increasing per learner and link, whatever the clocks of several instances say.
    /// </summary>
    public static DateTimeOffset NextTimestamp(DateTimeOffset? previous, DateTimeOffset now)
    {
        var truncated = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        return previous is { } last && truncated <= last ? last.AddMilliseconds(1) : truncated;
    }

    /// <summary>
    /// Whose scores go to the gradebook: learners, and anyone the platform did not call course staff. An instructor
    /// trying the module is previewing (Canvas would refuse the score with 422; Moodle with 400).
    /// </summary>
    public static bool ReportsGrades(LtiRole roles) => (roles & LtiRole.Learner) != 0 || !LtiRoles.IsCourseStaff(roles);

    public static bool Grants(string? scopes, string scope) => ScopesOf(scopes).Contains(scope, StringComparer.Ordinal);

    /// <summary>The AGS scopes a link's launch granted, as stored (space-separated).</summary>
    public static string[] ScopesOf(string? scopes) => (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
