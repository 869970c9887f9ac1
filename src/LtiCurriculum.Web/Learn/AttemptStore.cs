using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Scoring;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Learn;

/// <summary>An attempt and its answers as the pages need them.</summary>
public sealed record AttemptView(
    int Id, int Number, string ModuleId, AttemptStatus Status, DateTimeOffset? SubmittedAt,
    decimal? ScoreGiven, decimal? ScoreMaximum, bool AwaitingInstructor, IReadOnlyDictionary<string, string> Answers)
{
    public bool IsOpen => Status == AttemptStatus.InProgress;

    /// <summary>The instructor's comment to the learner, once they graded the attempt (not in lists of attempts, nor from the fast path).</summary>
    public string? InstructorComment { get; init; }

    /// <summary>The module's content hash when the attempt began (null for attempts from before module versions).</summary>
    public string? ModuleVersion { get; init; }
}

public enum SaveOutcome { Saved, AttemptClosed, NotYours }

public enum SubmitOutcome { Submitted, AlreadySubmitted, NotYours }

/// <summary>
/// Attempts and answers of one learner in one resource link. Every write first claims the attempt row
/// ("UPDATE … WHERE Status = InProgress"), so a save racing a submit, or two submits racing each other
/// (double click, two tabs), are ordered by the database: exactly one submission, no answer after it.
/// </summary>
public sealed class AttemptStore(
    IDbContextFactory<LtiDbContext> contexts, WriteTransactions writes, TimeProvider time, Grades.GradeOutbox outbox, Packs.ModuleVersions versions,
    Data.Stores.SqlitePreparedConnections? sqlite = null)
{
    private readonly Data.Stores.SqliteAttemptRows? _fast = sqlite is null ? null : new Data.Stores.SqliteAttemptRows(sqlite);
    // An attempt's module and version never change once it began: safe to keep on every instance, for as long as its
    // slot is not taken by another attempt.
    private readonly Hosting.Caching.SlotCache<(string ModuleId, string? Version)> _modules = new(32_768, TimeSpan.MaxValue, time);

    /// <summary>The learner's latest attempt at this module in this link, starting attempt 1 (on the module's version) when there is none.</summary>
    public async Task<AttemptView> CurrentAsync(int linkId, int userId, LocalizedModule module, CancellationToken cancellationToken) =>
        (await CurrentWithCountAsync(linkId, userId, module, cancellationToken)).Attempt;

    /// <summary>The module id and version an attempt began on; null when there is no such attempt.</summary>
    public async ValueTask<(string ModuleId, string? Version)?> ModuleOfAsync(int attemptId, CancellationToken cancellationToken)
    {
        if (_modules.TryGet(Hosting.Caching.SlotCache.KeyOf(attemptId), out var known))
        {
            return known;
        }
        await using var db = contexts.CreateDbContext();
        var row = await db.Attempts.AsNoTracking().Where(a => a.Id == attemptId).Select(a => new { a.ModuleId, a.ModuleVersion }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Remember(attemptId, row.ModuleId, row.ModuleVersion);
    }

    private (string ModuleId, string? Version) Remember(int attemptId, string moduleId, string? version)
    {
        var known = (moduleId, version);
        _modules.Set(Hosting.Caching.SlotCache.KeyOf(attemptId), known);
        return known;
    }

    private AttemptView Remember(AttemptView attempt)
    {
        Remember(attempt.Id, attempt.ModuleId, attempt.ModuleVersion);
        return attempt;
    }

    /// <summary><see cref="CurrentAsync"/>, plus how many attempts at this module the learner has started (one connection).</summary>
    public async Task<(AttemptView Attempt, int Used)> CurrentWithCountAsync(int linkId, int userId, LocalizedModule module, CancellationToken cancellationToken)
    {
        var moduleId = module.Id;
        if (_fast is not null)
        {
            if (_fast.ReadCurrent(linkId, userId, moduleId) is { } known)
            {
                return (Remember(known.Attempt), known.Used);
            }
            await versions.EnsureStoredAsync(module, cancellationToken);
            var started = await _fast.StartFirstAsync(linkId, userId, moduleId, module.Version, time.GetUtcNow());
            return (Remember(started.Attempt), started.Used);
        }
        for (var round = 1; ; round++)
        {
            await using var db = contexts.CreateDbContext();
            await db.Database.OpenConnectionAsync(cancellationToken);
            var latest = await LatestAttempt(db, linkId, userId, moduleId);
            if (latest is not null)
            {
                return (Remember(await ViewAsync(db, latest, cancellationToken)), await CountAttempts(db, linkId, userId, moduleId));
            }
            try
            {
                return (await StartAsync(db, linkId, userId, module, cancellationToken), 1);
            }
            catch (DbUpdateException) when (round < 3)
            {
                // Another tab or instance started the same attempt a moment ago; the next round finds it.
            }
        }
    }

    /// <summary>Starts the next attempt if the latest is submitted and attempts remain; returns the current one either way.</summary>
    public async Task<AttemptView> StartNextAsync(int linkId, int userId, LocalizedModule module, int maxAttempts, CancellationToken cancellationToken)
    {
        var moduleId = module.Id;
        for (var round = 1; ; round++)
        {
            await using var db = contexts.CreateDbContext();
            var latest = await LatestAttempt(db, linkId, userId, moduleId);
            var used = await CountAttempts(db, linkId, userId, moduleId);
            if (latest is not null && (latest.Status == AttemptStatus.InProgress || used >= maxAttempts))
            {
                return await ViewAsync(db, latest, cancellationToken);
            }
            try
            {
                return await StartAsync(db, linkId, userId, module, cancellationToken);
            }
            catch (DbUpdateException) when (round < 3)
            {
            }
        }
    }

    /// <summary>The version the learner's latest attempt at this module began on; null when they have none (or it predates versions).</summary>
    public async Task<string?> LatestVersionAsync(int linkId, int userId, string moduleId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return (await LatestAttempt(db, linkId, userId, moduleId))?.ModuleVersion;
    }

    public async Task<int> CountAsync(int linkId, int userId, string moduleId)
    {
        await using var db = contexts.CreateDbContext();
        return await CountAttempts(db, linkId, userId, moduleId);
    }

    /// <summary>An attempt by id, only if it belongs to this learner in this link.</summary>
    public async Task<AttemptView?> FindAsync(int attemptId, int linkId, int userId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId && a.ResourceLinkDbId == linkId && a.UserDbId == userId, cancellationToken);
        return attempt is null ? null : await ViewAsync(db, attempt, cancellationToken);
    }

    /// <summary>The instructor's comment on a submitted attempt (the fast path that reads the current attempt leaves it out).</summary>
    public async Task<string?> InstructorCommentAsync(int attemptId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Attempts.AsNoTracking().Where(a => a.Id == attemptId).Select(a => a.InstructorComment).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AttemptView>> ListAsync(int linkId, int userId, string moduleId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.ResourceLinkDbId == linkId && a.UserDbId == userId && a.ModuleId == moduleId)
            .OrderBy(a => a.Number).ToListAsync(cancellationToken);
        return attempts.Select(a => new AttemptView(a.Id, a.Number, a.ModuleId, a.Status, a.SubmittedAt, a.ScoreGiven, a.ScoreMaximum, a.AwaitingInstructor, new Dictionary<string, string>()) { ModuleVersion = a.ModuleVersion }).ToList();
    }

    /// <summary>
    /// Saves (or, with a null value, clears) one answer of an open attempt owned by this learner.
    /// Returns how many questions of the attempt are now answered.
    /// </summary>
    public async Task<(SaveOutcome Outcome, int Answered)> SaveAnswerAsync(int attemptId, int linkId, int userId, string questionId, string? value, CancellationToken cancellationToken)
    {
        if (_fast is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await _fast.SaveAnswerAsync(attemptId, linkId, userId, questionId, value, time.GetUtcNow());
        }
        await using var db = contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await writes.RunAsync(db, async ct =>
        {
            var now = time.GetUtcNow();
            var claimed = await db.Attempts
                .Where(a => a.Id == attemptId && a.ResourceLinkDbId == linkId && a.UserDbId == userId && a.Status == AttemptStatus.InProgress)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAt, now), ct);
            if (claimed == 0)
            {
                var mine = await db.Attempts.AnyAsync(a => a.Id == attemptId && a.ResourceLinkDbId == linkId && a.UserDbId == userId, ct);
                return (mine ? SaveOutcome.AttemptClosed : SaveOutcome.NotYours, 0);
            }
            if (value is null)
            {
                await db.Answers.Where(a => a.AttemptId == attemptId && a.QuestionId == questionId).ExecuteDeleteAsync(ct);
            }
            else
            {
                var updated = await db.Answers.Where(a => a.AttemptId == attemptId && a.QuestionId == questionId)
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.Value, value).SetProperty(a => a.UpdatedAt, now), ct);
                if (updated == 0)
                {
                    db.Answers.Add(new AnswerEntity { AttemptId = attemptId, QuestionId = questionId, Value = value, UpdatedAt = now });
                    await db.SaveChangesAsync(ct);
                }
            }
            return (SaveOutcome.Saved, await CountAnswers(db, attemptId));
        }, cancellationToken);
    }

    /// <summary>
    /// Closes an open attempt and stores its score, computed from the answers as they are at that moment and scaled to
    /// the activity's <paramref name="points"/> (null: the module's own maximum; 0: practice, never sent). When
    /// <paramref name="reportGrade"/> and the link reports grades, the outgoing score is written in the same transaction.
    /// </summary>
    public async Task<(SubmitOutcome Outcome, AttemptView? Attempt)> SubmitAsync(int attemptId, int linkId, int userId, Func<string, string?, Module?> findModule, decimal? points, bool reportGrade, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var result = await writes.RunAsync(db, async ct =>
        {
            var now = time.GetUtcNow();
            var claimed = await db.Attempts
                .Where(a => a.Id == attemptId && a.ResourceLinkDbId == linkId && a.UserDbId == userId && a.Status == AttemptStatus.InProgress)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, AttemptStatus.Submitted).SetProperty(a => a.SubmittedAt, now).SetProperty(a => a.UpdatedAt, now), ct);
            var attempt = await db.Attempts.FirstOrDefaultAsync(a => a.Id == attemptId && a.ResourceLinkDbId == linkId && a.UserDbId == userId, ct);
            if (attempt is null)
            {
                return (SubmitOutcome.NotYours, (AttemptView?)null);
            }
            var answers = await AnswersOf(db, attemptId, ct);
            if (claimed == 0)
            {
                return (SubmitOutcome.AlreadySubmitted, ToView(attempt, answers));
            }
            if (findModule(attempt.ModuleId, attempt.ModuleVersion) is { } module)
            {
                var score = ModuleScorer.Score(module, answers);
                attempt.ScoreMaximum = points ?? score.Maximum;
                attempt.ScoreGiven = ScoreScale.To(score.Given, score.Maximum, attempt.ScoreMaximum.Value);
                attempt.AwaitingInstructor = score.AwaitingInstructor;
                await db.SaveChangesAsync(ct);
                if (reportGrade)
                {
                    await outbox.AddAsync(db, attempt, isRegrade: false, now, ct);
                }
            }
            return (SubmitOutcome.Submitted, ToView(attempt, answers));
        }, cancellationToken);
        if (result.Item1 == SubmitOutcome.Submitted && reportGrade)
        {
            outbox.Wake();
        }
        return result;
    }

    private async Task<AttemptView> StartAsync(LtiDbContext db, int linkId, int userId, LocalizedModule module, CancellationToken cancellationToken)
    {
        await versions.EnsureStoredAsync(module, cancellationToken);
        return Remember(await writes.RunAsync(db, async ct =>
        {
            var now = time.GetUtcNow();
            var number = await db.Attempts.Where(a => a.ResourceLinkDbId == linkId && a.UserDbId == userId).MaxAsync(a => (int?)a.Number, ct) ?? 0;
            var attempt = new AttemptEntity
            {
                ResourceLinkDbId = linkId, UserDbId = userId, ModuleId = module.Id, ModuleVersion = module.Version, Number = number + 1,
                Status = AttemptStatus.InProgress, StartedAt = now, UpdatedAt = now,
            };
            db.Attempts.Add(attempt);
            await db.SaveChangesAsync(ct);
            return ToView(attempt, new Dictionary<string, string>());
        }, cancellationToken));
    }

    private static async Task<AttemptView> ViewAsync(LtiDbContext db, AttemptEntity attempt, CancellationToken cancellationToken) =>
        ToView(attempt, await AnswersOf(db, attempt.Id, cancellationToken));

    private static AttemptView ToView(AttemptEntity a, IReadOnlyDictionary<string, string> answers) =>
        new(a.Id, a.Number, a.ModuleId, a.Status, a.SubmittedAt, a.ScoreGiven, a.ScoreMaximum, a.AwaitingInstructor, answers) { InstructorComment = a.InstructorComment, ModuleVersion = a.ModuleVersion };

    private static async Task<Dictionary<string, string>> AnswersOf(LtiDbContext db, int attemptId, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var answer in AnswersQuery(db, attemptId).WithCancellation(cancellationToken))
        {
            answers[answer.QuestionId] = answer.Value;
        }
        return answers;
    }

    private static readonly Func<LtiDbContext, int, IAsyncEnumerable<AnswerEntity>> AnswersQuery =
        EF.CompileAsyncQuery((LtiDbContext db, int attemptId) => db.Answers.AsNoTracking().Where(a => a.AttemptId == attemptId));

    private static readonly Func<LtiDbContext, int, int, string, Task<AttemptEntity?>> LatestAttempt =
        EF.CompileAsyncQuery((LtiDbContext db, int linkId, int userId, string moduleId) => db.Attempts.AsNoTracking()
            .Where(a => a.ResourceLinkDbId == linkId && a.UserDbId == userId && a.ModuleId == moduleId)
            .OrderByDescending(a => a.Number).FirstOrDefault());

    private static readonly Func<LtiDbContext, int, Task<int>> CountAnswers =
        EF.CompileAsyncQuery((LtiDbContext db, int attemptId) => db.Answers.Count(a => a.AttemptId == attemptId));

    private static readonly Func<LtiDbContext, int, int, string, Task<int>> CountAttempts =
        EF.CompileAsyncQuery((LtiDbContext db, int linkId, int userId, string moduleId) =>
            db.Attempts.Count(a => a.ResourceLinkDbId == linkId && a.UserDbId == userId && a.ModuleId == moduleId));
}
