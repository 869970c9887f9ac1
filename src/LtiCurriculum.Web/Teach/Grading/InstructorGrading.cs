using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Scoring;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Grades;
using LtiCurriculum.Web.Learn;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Teach.Grading;

public enum GradingOutcome { Graded, NotFound, NotSubmitted, BadPoints, CommentTooLong }

/// <summary>
/// An instructor's points for the instructor-graded reflections of a submitted attempt. The new total and its
/// outgoing score (FullyGraded once nothing awaits the instructor) are written in one transaction, with the
/// instructor's optional comment to the learner (it travels with the score as the AGS comment).
/// </summary>
public sealed class InstructorGrading(IDbContextFactory<LtiDbContext> contexts, WriteTransactions writes, GradeOutbox outbox, Packs.ModuleVersions versions, TimeProvider time)
{
    /// <summary>The longest comment kept and sent (the column's size; platforms show far less at a glance).</summary>
    public const int MaxCommentLength = 4000;

    /// <summary>
    /// Grades <paramref name="points"/> and stores <paramref name="comment"/> (blank clears it). A comment over
    /// <see cref="MaxCommentLength"/> characters is <see cref="GradingOutcome.CommentTooLong"/>, and nothing is saved.
    /// </summary>
    public async Task<(GradingOutcome Outcome, string? Problem)> GradeAsync(int attemptId, int linkId, IReadOnlyDictionary<string, decimal> points, string? comment, CancellationToken cancellationToken)
    {
        // Forms send line breaks as CRLF while a browser's maxlength counts them once: count and keep them as LF.
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (comment is { Length: > MaxCommentLength })
        {
            return (GradingOutcome.CommentTooLong, $"The comment has {comment.Length} characters; at most {MaxCommentLength} can be sent.");
        }
        await using var db = contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Graded on the version the attempt began on, whatever the pack serves now.
        var begun = await db.Attempts.AsNoTracking().Where(a => a.Id == attemptId && a.ResourceLinkDbId == linkId)
            .Select(a => new { a.ModuleId, a.ModuleVersion }).FirstOrDefaultAsync(cancellationToken);
        var atVersion = begun is null ? null : (await versions.FindAsync(begun.ModuleId, begun.ModuleVersion, cancellationToken))?.English;
        var result = await writes.RunAsync(db, async ct =>
        {
            var attempt = await db.Attempts.Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == attemptId && a.ResourceLinkDbId == linkId, ct);
            if (attempt is null) return (GradingOutcome.NotFound, (string?)null);
            if (attempt.Status != AttemptStatus.Submitted) return (GradingOutcome.NotSubmitted, null);
            if (atVersion is not { } module) return (GradingOutcome.NotFound, $"The module '{attempt.ModuleId}' is no longer in the catalogue.");
            foreach (var (questionId, given) in points)
            {
                if (module.FindQuestion(questionId) is not ReflectionQuestion { Grading: ReflectionGrading.Instructor } question)
                {
                    return (GradingOutcome.BadPoints, $"'{questionId}' is not an instructor-graded reflection of this module.");
                }
                if (given < 0 || given > question.Points)
                {
                    return (GradingOutcome.BadPoints, $"Points for '{questionId}' must be between 0 and {question.Points}.");
                }
                if (attempt.Answers.FirstOrDefault(a => a.QuestionId == questionId) is not { } answer)
                {
                    return (GradingOutcome.BadPoints, $"The learner did not answer '{questionId}', so there is nothing to grade.");
                }
                answer.InstructorPoints = given;
            }
            var score = ModuleScorer.Score(module,
                attempt.Answers.ToDictionary(a => a.QuestionId, a => a.Value, StringComparer.Ordinal),
                attempt.Answers.Where(a => a.InstructorPoints is not null).ToDictionary(a => a.QuestionId, a => a.InstructorPoints!.Value, StringComparer.Ordinal));
            // A regrade keeps the points the attempt was submitted for.
            attempt.ScoreMaximum ??= score.Maximum;
            attempt.ScoreGiven = ScoreScale.To(score.Given, score.Maximum, attempt.ScoreMaximum.Value);
            attempt.AwaitingInstructor = score.AwaitingInstructor;
            attempt.InstructorComment = comment;
            attempt.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            // The update goes where the submission's score went (a preview's score went nowhere).
            if (await db.GradeDeliveries.AnyAsync(d => d.AttemptId == attemptId, ct))
            {
                await outbox.AddAsync(db, attempt, isRegrade: true, time.GetUtcNow(), ct);
            }
            return (GradingOutcome.Graded, null);
        }, cancellationToken);
        if (result.Item1 == GradingOutcome.Graded)
        {
            outbox.Wake();
        }
        return result;
    }
}
