using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Readiness;

/// <summary>Where a learner stands before the class session.</summary>
public enum ReadinessState
{
    /// <summary>No attempt at all (including learners on the roster who never opened the tool).</summary>
    NotStarted,
    /// <summary>An open attempt and no submission before it.</summary>
    InProgress,
    /// <summary>Submitted on time (or with no due date).</summary>
    Submitted,
    /// <summary>Submitted after the due date.</summary>
    Late,
}

/// <summary>
/// One attempt as stored. <paramref name="Answers"/> maps question ids to answers in
/// <see cref="Scoring.AnswerFormat"/>'s text form. A submitted attempt without
/// <paramref name="SubmittedAt"/> counts as submitted at <paramref name="UpdatedAt"/>.
/// </summary>
public sealed record LearnerAttempt(
    int Number,
    bool Submitted,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    decimal? ScoreGiven,
    decimal? ScoreMaximum,
    IReadOnlyDictionary<string, string> Answers);

/// <summary>A learner on the LMS roster with their attempts in any order. <paramref name="Active"/> is false when the LMS marks them inactive.</summary>
public sealed record RosterLearner(string Key, string Name, bool Active, IReadOnlyList<LearnerAttempt> Attempts);

/// <summary>Everything the readiness statistics need: the module, the whole roster, the dates and the clock's reading.</summary>
public sealed record ReadinessInput(
    Module Module,
    IReadOnlyList<RosterLearner> Learners,
    DateTimeOffset? DueAt,
    DateTimeOffset? SessionAt,
    DateTimeOffset Now);
