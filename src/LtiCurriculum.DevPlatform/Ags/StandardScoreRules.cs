using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>AGS 2.0 as written: 400 for a bad body or an older timestamp (equal is fine), 422 for a user who cannot be graded.</summary>
internal static class StandardScoreRules
{
    public static ScoreDecision Decide(ScoreContext context)
    {
        var score = context.Score;
        if (score.Problem is not null)
        {
            return ScoreDecision.Refuse(StatusCodes.Status400BadRequest, score.Problem);
        }

        if (score.ScoreGiven is not null && score.ScoreMaximum is null)
        {
            return ScoreDecision.Refuse(StatusCodes.Status400BadRequest, "scoreMaximum is required when scoreGiven is sent");
        }

        if (score.ScoreMaximum < 0)
        {
            return ScoreDecision.Refuse(StatusCodes.Status400BadRequest, "scoreMaximum must be at least 0");
        }

        if (!context.Gradable)
        {
            return ScoreDecision.Refuse(StatusCodes.Status422UnprocessableEntity, "userId is not a learner who can be graded in this course");
        }

        if (context.Existing is { } existing && score.Timestamp < existing.Timestamp)
        {
            return ScoreDecision.Refuse(StatusCodes.Status400BadRequest, "timestamp is older than the timestamp of the stored result");
        }

        return ScoreDecision.Accept(new ScoreUpdate(score.ScoreGiven, score.ScoreMaximum, context.Existing?.SubmittedAt, context.Existing?.NewSubmission));
    }
}
