using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>A translation may change words, never the questions: ids, types, options, answers, points and limits must match.</summary>
internal static class TranslationCheck
{
    /// <param name="source">Where the translation's parts are, so each problem points at its line.</param>
    public static void Compare(Module english, Module translation, ModuleSource source, ProblemSink problems)
    {
        if (translation.Id != english.Id)
        {
            problems.Add(source.FrontLine("id"), $"The translation's id '{translation.Id}' differs from the English module's '{english.Id}'.");
        }
        var differing = new (string Key, bool Differs)[]
        {
            ("kind", translation.Kind != english.Kind),
            ("minutes", translation.Minutes != english.Minutes),
            ("feedback", translation.Feedback != english.Feedback),
            ("attempts", translation.DefaultAttempts != english.DefaultAttempts),
        };
        if (differing.FirstOrDefault(d => d.Differs) is { Differs: true, Key: var key })
        {
            problems.Add(source.FrontLine(key), "kind, minutes, attempts and feedback must be the same as in the English module.");
        }
        var ours = english.Questions;
        var theirs = translation.Questions;
        if (ours.Count != theirs.Count)
        {
            problems.Add(0, $"The translation has {theirs.Count} questions; the English module has {ours.Count}.");
            return;
        }
        for (var i = 0; i < ours.Count; i++)
        {
            if (!SameShape(ours[i], theirs[i]))
            {
                problems.Add(source.QuestionLines[i], $"Question {i + 1} ('{theirs[i].Id}') does not match the English question '{ours[i].Id}' in id, type, options, correct answers, points or limits.");
            }
        }
    }

    private static bool SameShape(Question a, Question b) => (a, b) switch
    {
        (ChoiceQuestion x, ChoiceQuestion y) => x.Id == y.Id && x.Points == y.Points && x.AllowsMultiple == y.AllowsMultiple && x.PartialCredit == y.PartialCredit
            && x.Options.Select(o => (o.Id, o.IsCorrect)).SequenceEqual(y.Options.Select(o => (o.Id, o.IsCorrect))),
        (ReflectionQuestion x, ReflectionQuestion y) => x.Id == y.Id && x.Points == y.Points && x.Grading == y.Grading && x.MinLength == y.MinLength && x.MaxLength == y.MaxLength,
        (RatingQuestion x, RatingQuestion y) => x.Id == y.Id && x.Scale.Count == y.Scale.Count,
        _ => false,
    };
}
