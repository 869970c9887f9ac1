using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Validation;

/// <summary>Markdown that packs may not contain. The body starts on line 13 and the offending line is 16.</summary>
public sealed class MarkdownProblemTests
{
    private static Loading.PackLoadResult LoadBody(TempPacks packs, string offendingLine) =>
        packs.Pack("md").Manifest("md")
            .File("01-a.md", Samples.ModuleWithBody("md-a", $"\n## Section\n\n{offendingLine}\n\nA fine paragraph.\n"))
            .Load();

    [Fact]
    public void A_script_element_is_reported_as_raw_HTML()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "<script>alert(1)</script>");

        PackAssert.OnlyProblem(result, "md", "01-a.md", 16, "Raw HTML", lineContains: "<script>");
    }

    [Fact]
    public void Inline_HTML_in_a_paragraph_is_reported()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "Some <span onmouseover=\"x()\">text</span>.");

        PackAssert.Problem(result, "md", "01-a.md", 16, "Raw HTML", lineContains: "<span");
    }

    [Fact]
    public void A_javascript_link_is_reported()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "A [link](javascript:alert(1)).");

        PackAssert.OnlyProblem(result, "md", "01-a.md", 16, "Unsafe link 'javascript:alert(1)'", lineContains: "javascript:");
    }

    [Fact]
    public void A_relative_link_is_reported()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "A [link](other-page.html).");

        PackAssert.OnlyProblem(result, "md", "01-a.md", 16, "Unsafe link", lineContains: "other-page");
    }

    [Fact]
    public void An_image_is_reported()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "![a chart](https://example.org/chart.png)");

        PackAssert.OnlyProblem(result, "md", "01-a.md", 16, "Images are not supported", lineContains: "![a chart]");
    }

    [Fact]
    public void A_citation_of_an_unknown_reference_is_reported()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "As shown before [@nobody2020].");

        PackAssert.OnlyProblem(result, "md", "01-a.md", 16, "Citation [@nobody2020] names no entry", lineContains: "[@nobody2020]");
    }

    [Fact]
    public void A_problem_further_down_a_paragraph_is_reported_at_its_own_line()
    {
        using var packs = new TempPacks();
        var result = LoadBody(packs, "First line of the paragraph\nsecond line [@nobody2020]\nthird line [x](javascript:void(0)).");

        PackAssert.Problem(result, "md", "01-a.md", 17, "Citation [@nobody2020]", lineContains: "[@nobody2020]");
        PackAssert.Problem(result, "md", "01-a.md", 18, "Unsafe link", lineContains: "javascript:");
        Assert.Equal(2, result.Problems.Count);
    }

    [Fact]
    public void Raw_HTML_in_a_section_heading_is_reported()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("md").Manifest("md")
            .File("01-a.md", Samples.ModuleWithBody("md-a", "\n## Heading <script>alert(1)</script>\n\nText.\n"))
            .Load();

        PackAssert.Problem(result, "md", "01-a.md", 14, "Raw HTML", lineContains: "## Heading");
        Assert.All(result.Problems, p => Assert.Equal(14, p.Line));
    }

    [Fact]
    public void A_javascript_link_in_a_section_heading_is_reported()
    {
        using var packs = new TempPacks();
        var result = packs.Pack("md").Manifest("md")
            .File("01-a.md", Samples.ModuleWithBody("md-a", "\n## A [heading](javascript:alert(1))\n\nText.\n"))
            .Load();

        PackAssert.OnlyProblem(result, "md", "01-a.md", 14, "Unsafe link", lineContains: "## A [heading]");
    }
}
