using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Validation;

/// <summary>Problems inside ```question blocks other than options: YAML, types, limits, Markdown. Bodies start on line 13 (see <see cref="Samples.ModuleWithBody"/>); the fence opens on line 16, so the block's first key is on line 17.</summary>
public sealed class QuestionBlockProblemTests
{
    [Fact]
    public void An_unknown_question_type_is_reported_at_its_type_line()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: essay
            points: 1
            prompt: Write.
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 18, "Unknown question type 'essay'", lineContains: "type: essay");
    }

    [Fact]
    public void Broken_YAML_in_a_question_block_is_reported_at_its_line()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: single
            points: 1
            prompt: a: b
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 20, "Broken YAML in the question block", lineContains: "prompt: a: b");
    }

    [Fact]
    public void A_duplicate_key_in_a_question_block_is_reported_at_its_line()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: rating
            prompt: How sure?
            scale: [low, mid, high]
            type: single
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 21, "Duplicate key", lineContains: "type: single");
    }

    [Fact]
    public void A_reflection_whose_minimum_exceeds_its_maximum_is_reported()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: reflection
            points: 1
            grading: completion
            min_length: 500
            max_length: 100
            prompt: Reflect.
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 21, "'min_length' (500) is larger than 'max_length' (100)", lineContains: "min_length");
    }

    [Fact]
    public void A_scored_rating_is_reported_at_its_points_line()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: rating
            prompt: How sure?
            points: 2
            scale: [low, mid, high]
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 20, "points", lineContains: "points: 2");
    }

    [Fact]
    public void A_rating_scale_with_two_labels_is_reported()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: rating
            prompt: How sure?
            scale: [low, high]
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 20, "needs 3 to 7 labels", lineContains: "scale:");
    }

    [Fact]
    public void A_question_without_an_id_is_reported_at_the_start_of_its_block()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            type: rating
            prompt: How sure?
            scale: [low, mid, high]
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 17, "needs 'id'", lineContains: "type: rating");
    }

    [Fact]
    public void An_unsafe_link_in_a_block_scalar_prompt_is_reported_at_its_own_line()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: rating
            prompt: |
              First line of the prompt.

              A [bad link](javascript:alert(1)) here.
            scale: [low, mid, high]
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 22, "Unsafe link", lineContains: "javascript:");
    }

    [Fact]
    public void An_unsafe_link_in_a_one_line_block_scalar_is_reported_on_the_line_after_the_key()
    {
        using var packs = new TempPacks();
        var result = QuestionFile.Load(packs, """
            id: q1
            type: rating
            prompt: >
              A [bad link](javascript:alert(1)) here.
            scale: [low, mid, high]
            """);

        PackAssert.OnlyProblem(result, "qp", "01-a.md", 20, "Unsafe link", lineContains: "javascript:");
    }

    [Fact]
    public void Raw_HTML_in_option_feedback_is_reported_at_its_line()
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
                feedback: Yes <b onclick="x()">indeed</b>.
              - id: b
                text: B
            """);

        PackAssert.Problem(result, "qp", "01-a.md", 25, "Raw HTML", lineContains: "feedback:");
    }
}
