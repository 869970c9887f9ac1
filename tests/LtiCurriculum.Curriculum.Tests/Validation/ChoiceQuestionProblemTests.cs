using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Validation;

/// <summary>Problems with the options of single and multiple choice questions. Bodies start on line 13 (see <see cref="Samples.ModuleWithBody"/>); the fence opens on line 16, so the block's first key is on line 17.</summary>
public sealed class ChoiceQuestionProblemTests
{
    [Fact]
    public void A_choice_question_without_a_correct_option_is_reported_at_its_options_line()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: single
            points: 1
            prompt: Pick.
            options:
              - id: a
                text: A
              - id: b
                text: B
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 21, "has no correct option", lineContains: "options:");
    }

    [Fact]
    public void A_multiple_choice_question_without_a_correct_option_is_reported_too()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: multiple
            points: 1
            prompt: Pick.
            options:
              - id: a
                text: A
              - id: b
                text: B
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 21, "has no correct option", lineContains: "options:");
    }

    [Fact]
    public void A_single_choice_question_with_two_correct_options_is_reported()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: single
            points: 1
            prompt: Pick.
            options:
              - id: a
                text: A
                correct: true
              - id: b
                text: B
                correct: true
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 21, "has 2 correct options", lineContains: "options:");
    }

    [Fact]
    public void A_misspelt_key_is_reported_as_unknown_at_its_line()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: single
            points: 1
            prompt: Pick.
            options:
              - id: a
                text: A
                corect: true
              - id: b
                text: B
                correct: true
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 24, "Unknown key 'corect'", lineContains: "corect: true");
    }

    [Fact]
    public void An_empty_options_list_is_reported()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: single
            points: 1
            prompt: Pick.
            options: []
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 21, "needs at least 2 options", lineContains: "options: []");
    }

    [Fact]
    public void A_choice_question_with_one_option_is_reported()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: single
            points: 1
            prompt: Pick.
            options:
              - id: a
                text: A
                correct: true
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 21, "needs at least 2 options", lineContains: "options:");
    }

    [Fact]
    public void Partial_credit_on_a_single_choice_question_is_reported()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: single
            points: 1
            partial_credit: true
            prompt: Pick.
            options:
              - id: a
                text: A
                correct: true
              - id: b
                text: B
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 20, "'partial_credit' applies to multiple-choice questions only", lineContains: "partial_credit");
    }
}
