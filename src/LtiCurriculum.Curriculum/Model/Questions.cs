namespace LtiCurriculum.Curriculum.Model;

/// <summary>A question with a stable id. Prompt, feedback and rationale are sanitized HTML.</summary>
public abstract record Question(string Id, decimal Points, string PromptHtml, string? RationaleHtml)
{
    /// <summary>Whether the question counts toward the score (self-ratings do not).</summary>
    public virtual bool IsScored => true;
}

public sealed record ChoiceOption(string Id, string TextHtml, bool IsCorrect, string? FeedbackHtml);

/// <summary>Single choice (exactly one correct option) or multiple choice (any number of correct options).</summary>
public sealed record ChoiceQuestion(
    string Id, decimal Points, string PromptHtml, string? RationaleHtml,
    bool AllowsMultiple, bool PartialCredit, IReadOnlyList<ChoiceOption> Options)
    : Question(Id, Points, PromptHtml, RationaleHtml)
{
    public ChoiceOption? FindOption(string id)
    {
        foreach (var option in Options)
        {
            if (option.Id == id) return option;
        }
        return null;
    }
}

public enum ReflectionGrading { Completion, Instructor }

public sealed record ReflectionQuestion(
    string Id, decimal Points, string PromptHtml, string? RationaleHtml,
    ReflectionGrading Grading, int MinLength, int MaxLength)
    : Question(Id, Points, PromptHtml, RationaleHtml);

/// <summary>A Likert self-rating, lowest label first. Never scored; reported on the readiness dashboard.</summary>
public sealed record RatingQuestion(string Id, string PromptHtml, IReadOnlyList<string> Scale)
    : Question(Id, 0m, PromptHtml, null)
{
    public override bool IsScored => false;
}
