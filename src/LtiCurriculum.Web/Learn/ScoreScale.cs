namespace LtiCurriculum.Web.Learn;

/// <summary>A module's score expressed in the activity's points (an instructor may set 20 points for a 10-point module).</summary>
public static class ScoreScale
{
    public static decimal To(decimal given, decimal moduleMaximum, decimal activityPoints) =>
        moduleMaximum <= 0 || activityPoints <= 0 ? 0m
        : moduleMaximum == activityPoints ? given
        : decimal.Round(given * activityPoints / moduleMaximum, 2, MidpointRounding.AwayFromZero);
}
