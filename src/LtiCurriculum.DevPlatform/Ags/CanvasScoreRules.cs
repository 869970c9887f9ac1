using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Canvas' scores_controller: 422 for scoreGiven without scoreMaximum, a negative maximum, or a user who is not a
/// gradable student (Student View's Test Student included); 400 for a timestamp older than the result's (equal is
/// fine) or a submitted_at more than a minute ahead. NotReady, Failed and Pending clear the score. A post without
/// submitted_at (and not new_submission:false) sets the submission time to now, which can mark the work late.
/// </summary>
internal static class CanvasScoreRules
{
    public const string UserNotFound = "User not found in course or is not a student";

    private static readonly TimeSpan SubmittedAtSlack = TimeSpan.FromMinutes(1);

    public static ScoreDecision Decide(ScoreContext context)
    {
        var score = context.Score;
        var refusal =
            score.Problem is not null ? (StatusCodes.Status400BadRequest, score.Problem)
            : score.ScoreGiven is not null && score.ScoreMaximum is null ? (StatusCodes.Status422UnprocessableEntity, "ScoreMaximum must be present when ScoreGiven is present")
            : score.ScoreMaximum < 0 ? (StatusCodes.Status422UnprocessableEntity, "ScoreMaximum must be greater than or equal to 0")
            : !context.Gradable ? (StatusCodes.Status422UnprocessableEntity, UserNotFound)
            : score.CanvasSubmission is { SubmittedAtValid: false } ? (StatusCodes.Status400BadRequest, "submitted_at must be an ISO 8601 date and time")
            : score.CanvasSubmission?.SubmittedAt > context.Now + SubmittedAtSlack ? (StatusCodes.Status400BadRequest, "submitted_at cannot be in the future")
            : context.Existing is { } existing && score.Timestamp < existing.Timestamp
                ? (StatusCodes.Status400BadRequest, $"Provided timestamp of {score.TimestampText} before last updated timestamp of {existing.TimestampText}")
            : ((int, string)?)null;
        if (refusal is { } refused)
        {
            return ScoreDecision.Refuse(refused.Item1, refused.Item2);
        }

        var graded = score.GradingProgress is "FullyGraded" or "PendingManual";
        var (submittedAt, moved) = SubmissionTime(context);
        return ScoreDecision.Accept(new ScoreUpdate(
            graded ? score.ScoreGiven : null,
            score.ScoreMaximum,
            submittedAt,
            score.CanvasSubmission?.NewSubmission ?? true,
            moved));
    }

    private static (DateTimeOffset? SubmittedAt, bool Moved) SubmissionTime(ScoreContext context)
    {
        var previous = context.Existing?.SubmittedAt;
        var extension = context.Score.CanvasSubmission;
        if (extension?.SubmittedAt is { } sent)
        {
            return (sent, previous is not null && previous != sent);
        }

        return extension?.NewSubmission == false ? (previous, false) : (context.Now, true);
    }
}
