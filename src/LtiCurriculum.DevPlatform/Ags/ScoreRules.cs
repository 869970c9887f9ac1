namespace LtiCurriculum.DevPlatform;

/// <summary>Chooses the score rules of the style in force; each style's rules are in their own class.</summary>
internal static class ScoreRules
{
    public static ScoreDecision Decide(string style, ScoreContext context) => style switch
    {
        GradebookStyles.Canvas => CanvasScoreRules.Decide(context),
        GradebookStyles.Moodle => MoodleScoreRules.Decide(context),
        _ => StandardScoreRules.Decide(context),
    };
}

/// <summary>A score post and what the platform knows when judging it.</summary>
internal sealed record ScoreContext(ScoreSubmission Score, StoredResult? Existing, bool Gradable, DateTimeOffset Now);
