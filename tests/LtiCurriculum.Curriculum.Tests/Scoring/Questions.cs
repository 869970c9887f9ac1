using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Tests.Scoring;

/// <summary>Model questions built directly: scoring is a pure function and needs no pack on disk.</summary>
internal static class Questions
{
    /// <summary>Options a, b, c, ... of which the first <paramref name="correct"/> are correct.</summary>
    public static ChoiceQuestion Choice(string id, decimal points, int options, int correct, bool multiple, bool partial = false) =>
        new(id, points, "<p>Prompt</p>", null, multiple, partial,
            Enumerable.Range(0, options).Select(i => new ChoiceOption(((char)('a' + i)).ToString(), "Option", i < correct, null)).ToArray());

    public static ChoiceQuestion Single(string id = "single", decimal points = 1m) => Choice(id, points, options: 3, correct: 1, multiple: false);

    public static ReflectionQuestion Reflection(string id = "reflect", decimal points = 2m, ReflectionGrading grading = ReflectionGrading.Completion, int min = 10, int max = 100) =>
        new(id, points, "<p>Reflect</p>", null, grading, min, max);

    public static RatingQuestion Rating(string id = "rating") => new(id, "<p>How sure?</p>", ["low", "mid", "high", "very high"]);

    public static Module Module(params Question[] questions) => new(
        "m", "p", "en", "Module", ModuleKind.Module, 10, FeedbackMode.Immediate, 1, ["Learn"], [],
        [new Section("section-1", "Only", questions.Select(q => (SectionBlock)new QuestionBlock(q)).ToArray())]);
}
