using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Validation;

/// <summary>
/// A line directly under a list item, not indented and with no blank line between, is folded by Markdown into the
/// last item ("lazy continuation"). The body starts on line 13: "## Section" is line 14 and the list starts on 16.
/// </summary>
public sealed class LazyContinuationProblemTests
{
    private static Loading.PackLoadResult LoadBody(TempPacks packs, string markdown) =>
        packs.Pack("lazy").Manifest("lazy")
            .File("01-a.md", Samples.ModuleWithBody("lazy-a", $"\n## Section\n\n{markdown}\n\nA closing paragraph.\n"))
            .Load();

    [Fact]
    public void A_paragraph_right_after_a_bullet_list_is_reported_at_its_first_line()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "- First point.\n- Second point.\nIn the occasional patient, this paragraph was meant to stand alone.\nIt has a second line.");

        var problem = PackAssert.OnlyProblem(result, "lazy", "01-a.md", 18, "Add a blank line", lineContains: "In the occasional patient");
        Assert.Equal("lazy/01-a.md:18: " + Loading.LazyContinuation.Message, problem.ToString());
    }

    [Fact]
    public void A_paragraph_right_after_an_ordered_list_is_reported()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "1. First step.\n2. Second step.\nThen this paragraph.");

        PackAssert.OnlyProblem(result, "lazy", "01-a.md", 18, "no blank line", lineContains: "Then this paragraph");
    }

    [Fact]
    public void A_lazy_line_after_a_multi_line_item_is_reported_at_that_line()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "- **Glucocorticoids** when excess calcitriol is the driver,\n  because they reduce its production.\nA separate paragraph.");

        PackAssert.OnlyProblem(result, "lazy", "01-a.md", 18, "folds it into the last item", lineContains: "A separate paragraph");
    }

    [Fact]
    public void A_line_left_of_a_nested_item_is_folded_into_it_and_reported()
    {
        using var packs = new TempPacks();
        // "  Back" is inside the outer item (indent 2) but left of the nested item's text (column 4): CommonMark
        // makes it lazy continuation of "Nested", not a paragraph of "Outer".
        var result = LoadBody(packs, "- Outer\n  - Nested\n  Back in the outer item?");

        PackAssert.OnlyProblem(result, "lazy", "01-a.md", 18, "Add a blank line", lineContains: "Back in the outer item?");
    }

    [Fact]
    public void Each_folded_paragraph_is_reported_once()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "- One\nlazy one\nlazy two\n\n- Two\nlazy three");

        PackAssert.Problem(result, "lazy", "01-a.md", 17, "Add a blank line", lineContains: "lazy one");
        PackAssert.Problem(result, "lazy", "01-a.md", 21, "Add a blank line", lineContains: "lazy three");
        Assert.Equal(2, result.Problems.Count);
    }

    [Fact]
    public void A_list_inside_a_question_prompt_is_checked_by_nobody()
    {
        using var packs = new TempPacks();
        var question = "```question\nid: q1\ntype: single\npoints: 1\nprompt: |\n  Pick one.\n  - not a list here\n  but text\noptions:\n  - id: a\n    text: A\n    correct: true\n  - id: b\n    text: B\n```";
        var result = LoadBody(packs, question);

        PackAssert.Loaded(result);
    }

    [Theory]
    [InlineData("- A blank line after the list\n- keeps paragraphs apart.\n\nA new paragraph.")]
    [InlineData("- An item whose second line\n  is indented to the item's text.")]
    [InlineData("1.  An ordered item with wide spacing\n    and its continuation under the text.")]
    [InlineData("- Outer item\n  - nested item\n  - another nested item\n- next outer item")]
    [InlineData("- Outer item\n  - nested item\n    nested continuation\n- next outer item")]
    [InlineData("- An item\n- the next item\n* a new list with another marker\n1. and an ordered one")]
    [InlineData("- An item\n## A heading interrupts the list\n\nText.")]
    [InlineData("- An item\n### A smaller heading also interrupts\n\nText.")]
    [InlineData("- An item\n---\n\nA thematic break also interrupts.")]
    [InlineData("- An item\n```\ncode right after the list\n```")]
    [InlineData("- An item\n| a | b |\n|---|---|\n| 1 | 2 |")]
    [InlineData("- An item with a second paragraph\n\n  which is indented\n  on both lines.")]
    [InlineData("Not a list:\nline two of a paragraph\nline three.")]
    [InlineData("> - A list in a quote\n> lazy inside the quote is left alone.")]
    public void Legitimate_lines_after_list_items_are_not_reported(string markdown)
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, markdown);

        Assert.DoesNotContain(result.Problems, p => p.Message == Loading.LazyContinuation.Message);
        PackAssert.Loaded(result);
    }

    [Fact]
    public void A_question_block_right_after_a_list_is_not_reported()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "- An item\n```question\nid: q1\ntype: single\npoints: 1\nprompt: Pick a.\noptions:\n  - id: a\n    text: A\n    correct: true\n  - id: b\n    text: B\n```");

        PackAssert.Loaded(result);
    }

    [Fact]
    public void Front_matter_lists_are_not_checked()
    {
        using var packs = new TempPacks();
        var module = Samples.ModuleWithBody("lazy-a", "\n## Section\n\nText.\n").Replace("objectives:\n  - Learn one thing", "objectives:\n  - Learn one thing\n  - And another", StringComparison.Ordinal);
        var result = packs.Pack("lazy").Manifest("lazy").File("01-a.md", module).Load();

        PackAssert.Loaded(result);
    }
}
