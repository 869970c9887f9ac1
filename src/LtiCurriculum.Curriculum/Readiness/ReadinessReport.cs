namespace LtiCurriculum.Curriculum.Readiness;

/// <summary>The readiness dashboard's content: one row per roster learner, the class's numbers and per-question statistics.</summary>
/// <param name="Rows">Every learner, inactive ones included, by name (ordinal, ignoring case), then key.</param>
/// <param name="Class">Counts over active learners only.</param>
/// <param name="Questions">One entry per question of the module, in reading order.</param>
/// <param name="UntilSession">Time left before the class session; null when there is no session date or it has passed.</param>
public sealed record ReadinessReport(
    IReadOnlyList<LearnerRow> Rows,
    ClassReadiness Class,
    IReadOnlyList<QuestionStatistics> Questions,
    TimeSpan? UntilSession);

/// <summary>One learner's line on the dashboard.</summary>
/// <param name="ScoreGiven">The latest submitted attempt's score (the one the LMS gradebook holds); null before any submission.</param>
/// <param name="SubmittedAt">When the latest submitted attempt was submitted.</param>
/// <param name="TimeSpent">Summed over all attempts, each from its start to its submission (or last save), never negative.</param>
/// <param name="Attempts">How many attempts the learner has started.</param>
public sealed record LearnerRow(
    string Key,
    string Name,
    bool Active,
    ReadinessState State,
    decimal? ScoreGiven,
    decimal? ScoreMaximum,
    TimeSpan TimeSpent,
    int Attempts,
    DateTimeOffset? SubmittedAt)
{
    /// <summary>Ready for the session: submitted, on time or late.</summary>
    public bool IsReady => State is ReadinessState.Submitted or ReadinessState.Late;
}

/// <summary>How ready the class is, counting active learners only.</summary>
public sealed record ClassReadiness(int Learners, int NotStarted, int InProgress, int Submitted, int Late)
{
    /// <summary>Learners who submitted, on time or late.</summary>
    public int Ready => Submitted + Late;

    /// <summary>Ready learners as a share of the class between 0 and 1; null for a class without active learners.</summary>
    public double? ReadyShare => Learners == 0 ? null : (double)Ready / Learners;

    public int Count(ReadinessState state) => state switch
    {
        ReadinessState.NotStarted => NotStarted,
        ReadinessState.InProgress => InProgress,
        ReadinessState.Submitted => Submitted,
        ReadinessState.Late => Late,
        _ => 0,
    };
}
