using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Moodle's gradebookservices: every validation failure, a user who cannot be graded included, is the same 400
/// "Incorrect score received"; scoreMaximum defaults to 1; a timestamp not newer than the stored one is a 409; any
/// gradingProgress but FullyGraded clears the grade.
/// </summary>
internal static class MoodleScoreRules
{
    public const string IncorrectScore = "Incorrect score received";

    public static ScoreDecision Decide(ScoreContext context)
    {
        var score = context.Score;
        if (score.Problem is not null || score.ScoreMaximum < 0 || !context.Gradable)
        {
            return ScoreDecision.Refuse(StatusCodes.Status400BadRequest, IncorrectScore);
        }

        if (context.Existing is { } existing && score.Timestamp <= existing.Timestamp)
        {
            return ScoreDecision.Refuse(StatusCodes.Status409Conflict, "Refusing score with an earlier timestamp for item and user");
        }

        var given = score.GradingProgress == "FullyGraded" ? score.ScoreGiven : null;
        return ScoreDecision.Accept(new ScoreUpdate(given, score.ScoreMaximum ?? 1m));
    }
}
