namespace LtiCurriculum.Curriculum.Readiness;

/// <summary>
/// One learner's state, graded attempt, answer source and time spent, from their attempts alone.
/// <list type="bullet">
/// <item>No attempt: <see cref="ReadinessState.NotStarted"/>.</item>
/// <item>Attempts but no submission: <see cref="ReadinessState.InProgress"/>.</item>
/// <item>Otherwise the latest submitted attempt (highest number) decides, even when a newer attempt is open (a learner who
/// submitted once is ready): <see cref="ReadinessState.Late"/> when it was submitted after the due date, else
/// <see cref="ReadinessState.Submitted"/>. Its score is the learner's score, as the LMS receives the latest.</item>
/// <item>Answers come from the latest submitted attempt, else the latest (open) attempt.</item>
/// <item>Time spent sums each attempt's (submitted at, else last saved) − started at, each never negative.</item>
/// </list>
/// </summary>
internal readonly record struct LearnerStanding(ReadinessState State, LearnerAttempt? Graded, LearnerAttempt? AnswerSource, TimeSpan TimeSpent)
{
    public static LearnerStanding Of(RosterLearner learner, DateTimeOffset? dueAt)
    {
        LearnerAttempt? latest = null;
        LearnerAttempt? latestSubmitted = null;
        var spent = TimeSpan.Zero;
        foreach (var attempt in learner.Attempts)
        {
            if (latest is null || attempt.Number > latest.Number) latest = attempt;
            if (attempt.Submitted && (latestSubmitted is null || attempt.Number > latestSubmitted.Number)) latestSubmitted = attempt;
            var duration = (attempt.SubmittedAt ?? attempt.UpdatedAt) - attempt.StartedAt;
            if (duration > TimeSpan.Zero) spent += duration;
        }
        if (latestSubmitted is not null)
        {
            var late = dueAt is { } due && SubmittedAt(latestSubmitted) > due;
            return new(late ? ReadinessState.Late : ReadinessState.Submitted, latestSubmitted, latestSubmitted, spent);
        }
        return new(latest is null ? ReadinessState.NotStarted : ReadinessState.InProgress, null, latest, spent);
    }

    /// <summary>When an attempt was submitted; a submitted attempt without the time counts at its last save.</summary>
    public static DateTimeOffset SubmittedAt(LearnerAttempt attempt) => attempt.SubmittedAt ?? attempt.UpdatedAt;
}
