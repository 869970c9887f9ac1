using System.Globalization;
using System.Text;

namespace LtiCurriculum.Benchmarks.Dashboard;

/// <summary>The kind of one of the generated module's questions, with what the seed needs to answer it.</summary>
internal enum BenchQuestionType { Single, Multiple, Reflection, Rating }

internal sealed record BenchQuestion(string Id, BenchQuestionType Type, decimal Points);

/// <summary>
/// No built-in module has 20 questions (they have 4 to 6), so the command writes an institution pack
/// (<c>Curriculum:PackFolder</c>, format in src/LtiCurriculum.Curriculum/Packs/FORMAT.md) with one module of
/// <see cref="QuestionCount"/> questions: 12 single choice, 4 multiple choice (partial credit), 2 reflections
/// (completion) and 2 ratings, each with a prompt and option texts of ordinary length.
/// </summary>
internal static class DashboardPack
{
    public const string PackId = "bench-dashboard";
    public const string ModuleId = "bench-dashboard-20";
    public const int QuestionCount = 20;
    public const int ChoiceOptions = 4;
    public const int RatingScale = 5;

    public static readonly IReadOnlyList<BenchQuestion> Questions =
    [
        .. Enumerable.Range(1, QuestionCount).Select(n => new BenchQuestion(
            $"bd-q{n:D2}",
            n switch { <= 12 => BenchQuestionType.Single, <= 16 => BenchQuestionType.Multiple, <= 18 => BenchQuestionType.Reflection, _ => BenchQuestionType.Rating },
            n switch { <= 12 => 1m, <= 18 => 2m, _ => 0m })),
    ];

    /// <summary>The most points an attempt can score (ratings score nothing).</summary>
    public static decimal MaximumPoints => Questions.Sum(q => q.Points);

    /// <summary>Single choice: option "b" is right. Multiple choice: "a" and "c" are right.</summary>
    public static bool IsCorrect(BenchQuestion question, char option) =>
        question.Type == BenchQuestionType.Single ? option == 'b' : option is 'a' or 'c';

    /// <summary>Writes the pack into <paramref name="folder"/>/bench-dashboard/; returns <paramref name="folder"/> (the PackFolder setting).</summary>
    public static string Write(string folder)
    {
        var pack = Directory.CreateDirectory(Path.Combine(folder, PackId));
        File.WriteAllText(Path.Combine(pack.FullName, "pack.yaml"), $"""
            id: {PackId}
            title: Dashboard benchmark pack
            audience: faculty
            version: 1.0.0
            languages: [en]
            licence: CC-BY-4.0
            authors:
              - LtiCurriculum benchmarks

            """, Encoding.UTF8);
        File.WriteAllText(Path.Combine(pack.FullName, "01-twenty-questions.md"), Module(), Encoding.UTF8);
        return folder;
    }

    private static string Module()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append($"""
            ---
            id: {ModuleId}
            title: Twenty questions on preparing a clinical teaching session
            kind: prework
            minutes: 40
            feedback: immediate
            attempts: 3
            objectives:
              - Answer twenty questions of every kind, so the readiness dashboard has a realistic amount to show.
            ---

            ## Before the session

            This module exists for the dashboard benchmark. Each question below is written at the length of the
            questions in the built-in packs, so the dashboard renders prompts and option texts of a realistic size.

            """);
        var section = 1;
        foreach (var question in Questions)
        {
            var n = int.Parse(question.Id.AsSpan(4), c);
            if (n % 5 == 1 && n > 1)
            {
                text.Append(c, $"\n## Part {++section}\n\nMore questions about planning, running and following up a session.\n\n");
            }
            text.Append("```question\n");
            text.Append(c, $"id: {question.Id}\n");
            switch (question.Type)
            {
                case BenchQuestionType.Single:
                case BenchQuestionType.Multiple:
                    var multiple = question.Type == BenchQuestionType.Multiple;
                    text.Append(c, $"type: {(multiple ? "multiple" : "single")}\n");
                    text.Append(c, $"points: {question.Points}\n");
                    if (multiple)
                    {
                        text.Append("partial_credit: true\n");
                    }
                    text.Append(c, $"prompt: |\n  Question {n}: a resident asks how to prepare the group for case {n} of the session. Which {(multiple ? "steps are" : "step is")} best supported by what this module teaches?{(multiple ? " Select all that apply." : "")}\n");
                    text.Append("options:\n");
                    for (var o = 0; o < ChoiceOptions; o++)
                    {
                        var id = (char)('a' + o);
                        text.Append(c, $"  - id: {id}\n");
                        text.Append(c, $"    text: Option {char.ToUpperInvariant(id)} for case {n}, a plausible plan that names who does what before the session and how the facilitator will check it.\n");
                        if (IsCorrect(question, id))
                        {
                            text.Append("    correct: true\n");
                        }
                        text.Append(c, $"    feedback: Why option {char.ToUpperInvariant(id)} is {(IsCorrect(question, id) ? "right" : "not the best choice")} for case {n}.\n");
                    }
                    text.Append(c, $"rationale: |\n  The explanation of case {n}, shown after answering.\n");
                    break;
                case BenchQuestionType.Reflection:
                    text.Append("type: reflection\n");
                    text.Append(c, $"points: {question.Points}\n");
                    text.Append("grading: completion\n");
                    text.Append("min_length: 20\n");
                    text.Append(c, $"prompt: |\n  Reflection {n}: describe one change you will make to your next session, and how you will know whether it worked.\n");
                    break;
                case BenchQuestionType.Rating:
                    text.Append("type: rating\n");
                    text.Append(c, $"prompt: |\n  Rating {n}: how confident are you that you can run this kind of session?\n");
                    text.Append("scale:\n  - Not at all confident\n  - Slightly confident\n  - Moderately confident\n  - Very confident\n  - Extremely confident\n");
                    break;
            }
            text.Append("```\n\n");
        }
        return text.ToString();
    }
}
