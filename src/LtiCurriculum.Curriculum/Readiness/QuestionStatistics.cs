using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Readiness;

/// <summary>
/// What the class answered to one question. Each active learner contributes the answer from their latest submitted
/// attempt, or from their open attempt when they have submitted nothing; learners who left it unanswered are not counted.
/// </summary>
public abstract record QuestionStatistics(Question Question, int Answered);

/// <summary>
/// A choice question's answers. <paramref name="Correct"/> counts exactly the correct set (so with partial credit only
/// fully correct answers); <paramref name="Options"/> counts, per option in option order, the learners who chose it.
/// </summary>
/// <param name="MostChosenWrong">The incorrect option chosen most often (ties: the first in option order); null when nobody chose a wrong option.</param>
public sealed record ChoiceStatistics(
    ChoiceQuestion Choice,
    int Answered,
    int Correct,
    IReadOnlyList<OptionCount> Options,
    OptionCount? MostChosenWrong)
    : QuestionStatistics(Choice, Answered)
{
    /// <summary>Correct answers as a share (0 to 1) of answers given; null when nobody answered.</summary>
    public double? CorrectRate => Answered == 0 ? null : (double)Correct / Answered;
}

public sealed record OptionCount(ChoiceOption Option, int Count);

/// <summary>Every non-blank reflection, in dashboard row order, for reading answers side by side.</summary>
public sealed record ReflectionStatistics(ReflectionQuestion Reflection, IReadOnlyList<ReflectionEntry> Entries)
    : QuestionStatistics(Reflection, Entries.Count);

public sealed record ReflectionEntry(string LearnerKey, string LearnerName, string Text);

/// <summary>A self-rating's answers: <paramref name="Counts"/>[i] learners chose scale position i + 1.</summary>
/// <param name="Mean">The mean 1-based position; null when nobody answered.</param>
public sealed record RatingStatistics(RatingQuestion Rating, int Answered, IReadOnlyList<int> Counts, double? Mean)
    : QuestionStatistics(Rating, Answered);
