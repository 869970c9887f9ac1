using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Scoring;

public enum QuestionOutcome
{
    Unanswered,
    Correct,
    PartlyCorrect,
    Incorrect,
    /// <summary>A completion-graded reflection within its length limits.</summary>
    Complete,
    /// <summary>A completion-graded reflection shorter than its minimum.</summary>
    TooShort,
    AwaitingInstructor,
    GradedByInstructor,
    /// <summary>A self-rating: recorded, never scored.</summary>
    Recorded,
}

public sealed record QuestionResult(string QuestionId, QuestionOutcome Outcome, decimal PointsGiven, decimal PointsPossible);

public sealed record ModuleScore(decimal Given, decimal Maximum, bool AwaitingInstructor, IReadOnlyList<QuestionResult> Questions)
{
    public int UnansweredCount => Questions.Count(q => q.Outcome == QuestionOutcome.Unanswered);
}

/// <summary>
/// Scoring is a pure function of a module, the stored answers and any instructor grades. Multiple choice
/// without partial credit scores only the exact correct set; with partial credit it scores
/// points × max(0, (right chosen − wrong chosen) / number right), rounded to two decimals.
/// </summary>
public static class ModuleScorer
{
    public static ModuleScore Score(Module module, IReadOnlyDictionary<string, string> answers, IReadOnlyDictionary<string, decimal>? instructorPoints = null)
    {
        var results = new List<QuestionResult>(module.Questions.Count);
        foreach (var question in module.Questions)
        {
            answers.TryGetValue(question.Id, out var answer);
            decimal? graded = instructorPoints is not null && instructorPoints.TryGetValue(question.Id, out var points) ? points : null;
            results.Add(Evaluate(question, answer, graded));
        }
        return new ModuleScore(
            results.Sum(r => r.PointsGiven),
            module.MaximumPoints,
            results.Any(r => r.Outcome == QuestionOutcome.AwaitingInstructor),
            results);
    }

    public static QuestionResult Evaluate(Question question, string? answer, decimal? instructorPoints = null)
    {
        if (string.IsNullOrEmpty(answer))
        {
            return new(question.Id, QuestionOutcome.Unanswered, 0m, question.Points);
        }
        return question switch
        {
            ChoiceQuestion choice => EvaluateChoice(choice, AnswerFormat.ChosenOptions(answer)),
            ReflectionQuestion reflection => EvaluateReflection(reflection, answer, instructorPoints),
            RatingQuestion => new(question.Id, QuestionOutcome.Recorded, 0m, 0m),
            _ => new(question.Id, QuestionOutcome.Unanswered, 0m, question.Points),
        };
    }

    private static QuestionResult EvaluateChoice(ChoiceQuestion question, IReadOnlySet<string> chosen)
    {
        var right = question.Options.Count(o => o.IsCorrect && chosen.Contains(o.Id));
        var wrong = question.Options.Count(o => !o.IsCorrect && chosen.Contains(o.Id));
        var correctTotal = question.Options.Count(o => o.IsCorrect);
        if (right == correctTotal && wrong == 0)
        {
            return new(question.Id, QuestionOutcome.Correct, question.Points, question.Points);
        }
        if (question.AllowsMultiple && question.PartialCredit)
        {
            var share = Math.Max(0m, (decimal)(right - wrong) / correctTotal);
            var points = Math.Round(question.Points * share, 2, MidpointRounding.AwayFromZero);
            return new(question.Id, points > 0 ? QuestionOutcome.PartlyCorrect : QuestionOutcome.Incorrect, points, question.Points);
        }
        return new(question.Id, QuestionOutcome.Incorrect, 0m, question.Points);
    }

    private static QuestionResult EvaluateReflection(ReflectionQuestion question, string text, decimal? instructorPoints)
    {
        if (question.Grading == ReflectionGrading.Instructor)
        {
            return instructorPoints is { } points
                ? new(question.Id, QuestionOutcome.GradedByInstructor, Math.Clamp(points, 0m, question.Points), question.Points)
                : new(question.Id, QuestionOutcome.AwaitingInstructor, 0m, question.Points);
        }
        var length = text.Trim().Length;
        return length >= question.MinLength && length <= question.MaxLength
            ? new(question.Id, QuestionOutcome.Complete, question.Points, question.Points)
            : new(question.Id, QuestionOutcome.TooShort, 0m, question.Points);
    }
}
