using System.Globalization;
using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Scoring;

/// <summary>The result of checking what a learner sent for one question.</summary>
public readonly record struct NormalizedAnswer(string? Value, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// How an answer is stored, as text: chosen option ids joined by ',' in option order; a reflection's text;
/// a rating's 1-based position on its scale. An empty submission clears the answer (Value null).
/// </summary>
public static class AnswerFormat
{
    public static NormalizedAnswer Normalize(Question question, IReadOnlyList<string?> values) => question switch
    {
        ChoiceQuestion choice => NormalizeChoice(choice, values),
        ReflectionQuestion reflection => NormalizeReflection(reflection, values),
        RatingQuestion rating => NormalizeRating(rating, values),
        _ => new(null, "This question type cannot be answered."),
    };

    public static IReadOnlySet<string> ChosenOptions(string? stored) =>
        string.IsNullOrEmpty(stored) ? new HashSet<string>() : stored.Split(',').ToHashSet(StringComparer.Ordinal);

    public static int? RatingPosition(string? stored) =>
        int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : null;

    private static NormalizedAnswer NormalizeChoice(ChoiceQuestion question, IReadOnlyList<string?> values)
    {
        var chosen = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            return new(null, null);
        }
        if (!question.AllowsMultiple && chosen.Count > 1)
        {
            return new(null, "Choose one option only.");
        }
        var unknown = chosen.FirstOrDefault(c => question.FindOption(c) is null);
        if (unknown is not null)
        {
            return new(null, $"'{Shorten(unknown)}' is not one of this question's options.");
        }
        return new(string.Join(',', question.Options.Where(o => chosen.Contains(o.Id)).Select(o => o.Id)), null);
    }

    private static NormalizedAnswer NormalizeReflection(ReflectionQuestion question, IReadOnlyList<string?> values)
    {
        if (values.Count > 1)
        {
            return new(null, "Send one text for a reflection.");
        }
        var text = (values.Count == 0 ? null : values[0])?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new(null, null);
        }
        if (text.Length > question.MaxLength)
        {
            return new(null, $"The reflection is {text.Length} characters long; at most {question.MaxLength} are allowed.");
        }
        return new(text, null);
    }

    private static NormalizedAnswer NormalizeRating(RatingQuestion question, IReadOnlyList<string?> values)
    {
        if (values.Count == 0 || values.All(string.IsNullOrWhiteSpace))
        {
            return new(null, null);
        }
        if (values.Count > 1 || RatingPosition(values[0]!.Trim()) is not { } position || position < 1 || position > question.Scale.Count)
        {
            return new(null, $"Choose one point on the scale from 1 to {question.Scale.Count}.");
        }
        return new(position.ToString(CultureInfo.InvariantCulture), null);
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
