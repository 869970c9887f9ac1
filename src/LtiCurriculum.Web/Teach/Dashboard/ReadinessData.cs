using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Teach.Dashboard;

/// <summary>One attempt at the link's module with its learner's stored details, as the dashboard reads it.</summary>
internal readonly record struct ReadinessAttemptRow(
    int Id, int UserDbId, int Number, AttemptStatus Status, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt,
    decimal? ScoreGiven, decimal? ScoreMaximum);

/// <summary>A learner who has attempts on the link.</summary>
internal sealed record ReadinessUserRow(int Id, string Subject, string? Name, string? GivenName, string? FamilyName, string? Email);

/// <summary>Everything stored about one link's module: attempts, their answers by attempt id, and the learners who made them.</summary>
internal sealed record ReadinessRows(
    IReadOnlyList<ReadinessAttemptRow> Attempts,
    Dictionary<int, Dictionary<string, string>> AnswersByAttempt,
    IReadOnlyList<ReadinessUserRow> Users);

/// <summary>
/// Gathers one activity's work for the readiness statistics: every student on the roster (with or without a
/// launch) and everyone who has attempts on the link, with their attempts at the link's current module.
/// On SQLite the rows come from <see cref="SqliteReadinessReader"/> (two prepared statements on a kept-open
/// connection, read without EF); on SQL Server from EF. Both read the same rows.
/// </summary>
public sealed class ReadinessData(IDbContextFactory<LtiDbContext> contexts, SqliteConnectionString? sqlite = null) : IDisposable
{
    private static readonly Dictionary<string, string> NoAnswers = new(StringComparer.Ordinal);
    private readonly SqliteReadinessReader? _fast = sqlite is null ? null : new SqliteReadinessReader(sqlite.Value);

    public void Dispose() => _fast?.Dispose();

    public async Task<IReadOnlyList<RosterLearner>> LoadAsync(int linkId, int platformId, string moduleId, Roster roster, string unnamed, CancellationToken cancellationToken)
    {
        var rows = _fast is not null ? _fast.Read(linkId, moduleId) : await ReadWithEfAsync(linkId, moduleId, cancellationToken);
        return Assemble(rows, roster, unnamed);
    }

    private async Task<ReadinessRows> ReadWithEfAsync(int linkId, string moduleId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.ResourceLinkDbId == linkId && a.ModuleId == moduleId)
            .Select(a => new ReadinessAttemptRow(a.Id, a.UserDbId, a.Number, a.Status, a.StartedAt, a.UpdatedAt, a.SubmittedAt, a.ScoreGiven, a.ScoreMaximum))
            .ToListAsync(cancellationToken);
        var answers = await db.Answers.AsNoTracking()
            .Where(x => db.Attempts.Any(a => a.Id == x.AttemptId && a.ResourceLinkDbId == linkId && a.ModuleId == moduleId))
            .Select(x => new { x.AttemptId, x.QuestionId, x.Value })
            .ToListAsync(cancellationToken);
        var userIds = attempts.Select(a => a.UserDbId).Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new ReadinessUserRow(u.Id, u.Subject, u.Name, u.GivenName, u.FamilyName, u.Email))
            .ToListAsync(cancellationToken);
        var answersByAttempt = new Dictionary<int, Dictionary<string, string>>(attempts.Count);
        foreach (var answer in answers)
        {
            if (!answersByAttempt.TryGetValue(answer.AttemptId, out var byQuestion))
            {
                answersByAttempt[answer.AttemptId] = byQuestion = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            byQuestion[answer.QuestionId] = answer.Value;
        }
        return new ReadinessRows(attempts, answersByAttempt, users);
    }

    private static List<RosterLearner> Assemble(ReadinessRows rows, Roster roster, string unnamed)
    {
        var users = rows.Users;
        var attemptsBySubject = new Dictionary<string, List<LearnerAttempt>>(users.Count, StringComparer.Ordinal);
        var subjectOf = new Dictionary<int, string>(users.Count);
        foreach (var user in users)
        {
            subjectOf[user.Id] = user.Subject;
        }
        foreach (var a in rows.Attempts)
        {
            if (!subjectOf.TryGetValue(a.UserDbId, out var subject)) continue;
            if (!attemptsBySubject.TryGetValue(subject, out var list)) attemptsBySubject[subject] = list = [];
            list.Add(new LearnerAttempt(a.Number, a.Status == AttemptStatus.Submitted, a.StartedAt, a.UpdatedAt, a.SubmittedAt, a.ScoreGiven, a.ScoreMaximum,
                rows.AnswersByAttempt.GetValueOrDefault(a.Id) ?? NoAnswers));
        }

        var learners = new List<RosterLearner>(Math.Max(roster.Students.Count, users.Count));
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in roster.Students)
        {
            if (!listed.Add(member.UserId)) continue;
            learners.Add(new RosterLearner(member.UserId, NameOf(member.Name, member.GivenName, member.FamilyName, member.Email) ?? unnamed,
                member.Status == MemberStatus.Active, attemptsBySubject.GetValueOrDefault(member.UserId) ?? []));
        }
        // Without a complete class list, everyone who worked on the link; with one, the list decides (a preview by
        // course staff or the LMS's test student is not a student of the class).
        var rosterDecides = roster.Source == RosterSource.Lms && roster.IsComplete;
        foreach (var user in users)
        {
            if (rosterDecides || !listed.Add(user.Subject)) continue;
            learners.Add(new RosterLearner(user.Subject, NameOf(user.Name, user.GivenName, user.FamilyName, user.Email) ?? unnamed, true,
                attemptsBySubject.GetValueOrDefault(user.Subject) ?? []));
        }
        return learners;
    }

    private static string? NameOf(string? name, string? given, string? family, string? email) =>
        !string.IsNullOrWhiteSpace(name) ? name
        : string.Join(' ', new[] { given, family }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } joined ? joined
        : email;
}
