using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Hosting.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LtiCurriculum.Web.Teach.Dashboard;

/// <summary>One attempt at the link's module with its learner's stored details, as the dashboard reads it.</summary>
internal readonly record struct ReadinessAttemptRow(
    int Id, int UserDbId, int Number, AttemptStatus Status, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt,
    decimal? ScoreGiven, decimal? ScoreMaximum, string? ModuleVersion);

/// <summary>Aggregates over a link's attempts at a module (and their learners' names) that change with every write the dashboard shows.</summary>
internal readonly record struct ReadinessFingerprint(long Count, long Ids, long States, long UpdatedHigh, long UpdatedLow, long UpdatedMax, long Scores, long Names);

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
/// On SQLite the rows come from <see cref="Data.Stores.SqliteReadinessRows"/> (prepared statements on the kept-open
/// connections, read without EF); on SQL Server and PostgreSQL from EF. Both read the same rows.
/// On SQLite the learners and the computed report are kept per link and module from the second view that finds the
/// link's work as the view before it, and every load reads the link's attempts and their
/// <see cref="ReadinessFingerprint"/> from the database (so writes by any instance are seen): while it, the
/// roster (the same object until a refresh or expiry), the module and the dates are unchanged, the kept report is
/// served with only its clock-dependent part (the time until the session) recomputed.
/// </summary>
public sealed class ReadinessData(IDbContextFactory<LtiDbContext> contexts, Data.Stores.SqlitePreparedConnections? sqlite = null) : IDisposable
{
    private static readonly Dictionary<string, string> NoAnswers = new(StringComparer.Ordinal);
    private readonly Data.Stores.SqliteReadinessRows? _fast = sqlite is null ? null : new Data.Stores.SqliteReadinessRows(sqlite);
    // A kept link holds its learners, its report and (through DashboardFragments) the report's rendered tables: a few
    // hundred kilobytes for a large class. With 200 links the first-launch benchmark peaked 20-36 MB higher; the dashboards staff
    // have open at once fit in far fewer, and a link that dropped out is read again in a few milliseconds.
    private const int KeptLinks = 50;
    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = KeptLinks });
    // The work each link's last view found. A link is kept only once a view finds its work as the view before left it:
    // in a class at work every view finds new attempts, and keeping what each view computed replaced a kept entry per
    // view with one that lived long enough to reach the GC's oldest generation (first-launch benchmark: 48 MB of a
    // 10 s window promoted into gen2 and 7 background collections, against 8 MB and 1 without keeping).
    private readonly SlotCache<SeenWork> _seen = new(4_096, TimeSpan.FromMinutes(10), TimeProvider.System);

    public void Dispose() => _kept.Dispose();

    public async Task<IReadOnlyList<RosterLearner>> LoadAsync(int linkId, int platformId, string moduleId, Roster roster, string unnamed, CancellationToken cancellationToken) =>
        (await LoadEntryAsync(linkId, moduleId, roster, unnamed, cancellationToken)).Learners;

    /// <summary>The readiness report of the link's module as the statistics compute it from <see cref="LoadAsync"/>'s learners.</summary>
    public async Task<ReadinessReport> ReportAsync(int linkId, int platformId, string moduleId, Module module, Roster roster, string unnamed,
        DateTimeOffset? dueAt, DateTimeOffset? sessionAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ReportWithVersionsAsync(linkId, moduleId, module, roster, unnamed, dueAt, sessionAt, now, cancellationToken)).Report;

    /// <summary>
    /// The report, and how many of the attempts it counts began on each module version (null: from before versions),
    /// most first; both from one read of the rows.
    /// </summary>
    public async Task<(ReadinessReport Report, IReadOnlyList<(string? Version, int Attempts)> Versions)> ReportWithVersionsAsync(
        int linkId, string moduleId, Module module, Roster roster, string unnamed,
        DateTimeOffset? dueAt, DateTimeOffset? sessionAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = await LoadEntryAsync(linkId, moduleId, roster, unnamed, cancellationToken);
        if (entry.Report is { } kept && ReferenceEquals(kept.Module, module) && kept.DueAt == dueAt && kept.SessionAt == sessionAt)
        {
            // The one part of the statistics that depends on the clock (ReadinessStatistics.Compute's untilSession).
            TimeSpan? untilSession = sessionAt is { } session && session > now ? session - now : null;
            return (kept.Report.UntilSession == untilSession ? kept.Report : kept.Report with { UntilSession = untilSession }, entry.Versions);
        }
        var report = ReadinessStatistics.Compute(new ReadinessInput(module, entry.Learners, dueAt, sessionAt, now));
        entry.Report = new KeptReport(module, dueAt, sessionAt, report);
        return (report, entry.Versions);
    }

    private async Task<KeptLearners> LoadEntryAsync(int linkId, string moduleId, Roster roster, string unnamed, CancellationToken cancellationToken)
    {
        if (_fast is null)
        {
            var read = await ReadWithEfAsync(linkId, moduleId, cancellationToken);
            return new KeptLearners(default, roster, unnamed, Assemble(read, roster, unnamed), CountVersions(read.Attempts));
        }
        var key = (linkId, moduleId);
        var known = _kept.TryGetValue(key, out KeptLearners? entry) && ReferenceEquals(entry!.Roster, roster) && entry.Unnamed == unnamed ? entry : null;
        var seenKey = SlotCache.KeyOf(linkId);
        var seenBefore = _seen.TryGet(seenKey, out var seen) && seen.ModuleId == moduleId;
        // A link in a class at work is rarely kept, but its last view still tells how many rows to expect.
        var expectedRows = known?.Fingerprint.Count ?? (seenBefore ? seen.Fingerprint.Count : 0);
        if (_fast.Read(linkId, moduleId, known?.Fingerprint, expectedRows, out var fingerprint) is not { } rows)
        {
            return known!;
        }
        var fresh = new KeptLearners(fingerprint, roster, unnamed, Assemble(rows, roster, unnamed), CountVersions(rows.Attempts));
        if (seenBefore && seen.Fingerprint == fingerprint)
        {
            _kept.Set(key, fresh, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }
        else
        {
            _seen.Set(seenKey, new SeenWork(moduleId, fingerprint));
            if (known is not null)
            {
                _kept.Remove(key);
            }
        }
        return fresh;
    }

    private readonly record struct SeenWork(string ModuleId, ReadinessFingerprint Fingerprint);

    private sealed record KeptReport(Module Module, DateTimeOffset? DueAt, DateTimeOffset? SessionAt, ReadinessReport Report);

    // Counted in place: a GroupBy copied every (wide) attempt row into its groups, a percent of a first launch's CPU.
    private static IReadOnlyList<(string? Version, int Attempts)> CountVersions(IReadOnlyList<ReadinessAttemptRow> attempts)
    {
        var counts = new List<(string? Version, int Attempts)>();
        foreach (var attempt in attempts)
        {
            var i = 0;
            while (i < counts.Count && counts[i].Version != attempt.ModuleVersion)
            {
                i++;
            }
            if (i == counts.Count)
            {
                counts.Add((attempt.ModuleVersion, 1));
            }
            else
            {
                counts[i] = (attempt.ModuleVersion, counts[i].Attempts + 1);
            }
        }
        // Stable, as OrderByDescending was: equal counts keep the order their versions were first seen in.
        return [.. counts.OrderByDescending(c => c.Attempts)];
    }

    private sealed class KeptLearners(
        ReadinessFingerprint fingerprint, Roster roster, string unnamed, IReadOnlyList<RosterLearner> learners, IReadOnlyList<(string? Version, int Attempts)> versions)
    {
        public IReadOnlyList<(string? Version, int Attempts)> Versions { get; } = versions;
        public ReadinessFingerprint Fingerprint { get; } = fingerprint;
        public Roster Roster { get; } = roster;
        public string Unnamed { get; } = unnamed;
        public IReadOnlyList<RosterLearner> Learners { get; } = learners;
        public volatile KeptReport? Report;
    }

    private async Task<ReadinessRows> ReadWithEfAsync(int linkId, string moduleId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.ResourceLinkDbId == linkId && a.ModuleId == moduleId)
            .Select(a => new ReadinessAttemptRow(a.Id, a.UserDbId, a.Number, a.Status, a.StartedAt, a.UpdatedAt, a.SubmittedAt, a.ScoreGiven, a.ScoreMaximum, a.ModuleVersion))
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
