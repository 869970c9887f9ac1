using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Teach.Dashboard;

/// <summary>
/// Gathers one activity's work for the readiness statistics: every student on the roster (with or without a
/// launch) and everyone who has attempts on the link, with their attempts at the link's current module.
/// </summary>
public sealed class ReadinessData(IDbContextFactory<LtiDbContext> contexts)
{
    public async Task<IReadOnlyList<RosterLearner>> LoadAsync(int linkId, int platformId, string moduleId, Roster roster, string unnamed, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.ResourceLinkDbId == linkId && a.ModuleId == moduleId)
            .Select(a => new { a.Id, a.UserDbId, a.Number, a.Status, a.StartedAt, a.UpdatedAt, a.SubmittedAt, a.ScoreGiven, a.ScoreMaximum })
            .ToListAsync(cancellationToken);
        var answers = await db.Answers.AsNoTracking()
            .Where(x => db.Attempts.Any(a => a.Id == x.AttemptId && a.ResourceLinkDbId == linkId && a.ModuleId == moduleId))
            .Select(x => new { x.AttemptId, x.QuestionId, x.Value })
            .ToListAsync(cancellationToken);
        var userIds = attempts.Select(a => a.UserDbId).Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Subject, u.Name, u.GivenName, u.FamilyName, u.Email })
            .ToListAsync(cancellationToken);

        var answersByAttempt = answers.GroupBy(a => a.AttemptId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(a => a.QuestionId, a => a.Value, StringComparer.Ordinal));
        var empty = new Dictionary<string, string>();
        var attemptsBySubject = new Dictionary<string, List<LearnerAttempt>>(StringComparer.Ordinal);
        var subjectOf = users.ToDictionary(u => u.Id, u => u.Subject);
        foreach (var a in attempts)
        {
            if (!subjectOf.TryGetValue(a.UserDbId, out var subject)) continue;
            if (!attemptsBySubject.TryGetValue(subject, out var list)) attemptsBySubject[subject] = list = [];
            list.Add(new LearnerAttempt(a.Number, a.Status == AttemptStatus.Submitted, a.StartedAt, a.UpdatedAt, a.SubmittedAt, a.ScoreGiven, a.ScoreMaximum,
                answersByAttempt.GetValueOrDefault(a.Id) ?? empty));
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
