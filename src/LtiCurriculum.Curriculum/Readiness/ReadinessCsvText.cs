namespace LtiCurriculum.Curriculum.Readiness;

/// <summary>The words of the readiness CSV, so the web layer can pass them in the instructor's language.</summary>
public sealed record ReadinessCsvText(
    string Name,
    string State,
    string Score,
    string Maximum,
    string MinutesSpent,
    string Attempts,
    string SubmittedAt,
    string Enrolment,
    string Active,
    string Inactive,
    string NotStarted,
    string InProgress,
    string Submitted,
    string Late,
    string Question,
    string QuestionId,
    string Answered,
    string Correct,
    string CorrectRatePercent,
    string MostChosenWrong,
    string MostChosenWrongCount,
    string MeanRating)
{
    public static ReadinessCsvText English { get; } = new(
        "Name", "State", "Score", "Maximum", "Minutes spent", "Attempts", "Submitted at (UTC)", "Enrolment", "Active", "Inactive",
        "Not started", "In progress", "Submitted", "Late",
        "Question", "Question id", "Answered", "Fully correct", "Correct rate (%)", "Most chosen wrong option", "Times chosen", "Mean rating");

    public string StateName(ReadinessState state) => state switch
    {
        ReadinessState.NotStarted => NotStarted,
        ReadinessState.InProgress => InProgress,
        ReadinessState.Submitted => Submitted,
        ReadinessState.Late => Late,
        _ => state.ToString(),
    };
}
