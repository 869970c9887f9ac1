using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Security;

/// <summary>The renderer itself: even with the validator's complaint ignored, its HTML must not carry script.</summary>
public sealed class RenderedHtmlIsSafeTests
{
    private static readonly Dictionary<string, int> References = new() { ["smith2020"] = 1 };

    public static TheoryData<string> Hostile => new(HostileMarkdown.Cases);
    public static TheoryData<string> Harmless => new(HostileMarkdown.HarmlessCases);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_Markdown_is_reported_and_its_HTML_is_still_safe(string markdown)
    {
        var problems = new List<PackProblem>();
        var html = MarkdownRendering.Render(markdown, new ProblemSink("p", "f.md", problems), 1, References);

        Html.AssertSafe(html);
        Assert.NotEmpty(problems);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_Markdown_rendered_inline_is_safe_too(string markdown)
    {
        var html = MarkdownRendering.Render(markdown, new ProblemSink("p", "f.md", []), 1, References, inline: true);

        Html.AssertSafe(html);
    }

    [Theory]
    [MemberData(nameof(Harmless))]
    public void Escaped_or_quoted_script_is_accepted_and_stays_text(string markdown)
    {
        var problems = new List<PackProblem>();
        var html = MarkdownRendering.Render(markdown, new ProblemSink("p", "f.md", problems), 1, References);

        Html.AssertSafe(html);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_javascript_link_keeps_its_text_but_loses_its_href()
    {
        var html = MarkdownRendering.Render("[click me](javascript:alert(1))", new ProblemSink("p", "f.md", []), 1, References);

        var anchor = Html.Fragment(html).QuerySelector("a");
        Assert.Contains("click me", html);
        Assert.True(anchor is null || !anchor.HasAttribute("href"), html);
    }
}
