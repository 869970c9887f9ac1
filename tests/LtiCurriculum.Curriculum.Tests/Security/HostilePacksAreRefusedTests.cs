using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Security;

/// <summary>Hostile Markdown anywhere a pack puts Markdown refuses the pack, so none of it reaches the model.</summary>
public sealed class HostilePacksAreRefusedTests
{
    public static TheoryData<string> Hostile => new(HostileMarkdown.Cases);
    public static TheoryData<string> Harmless => new(HostileMarkdown.HarmlessCases);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_Markdown_in_the_body_refuses_the_pack(string markdown)
    {
        using var packs = new TempPacks();
        packs.Pack("evil").Manifest("evil").File("01-a.md", Samples.ModuleWithBody("evil-a", $"\n## Section\n\n{markdown}\n\nAfter.\n"));

        var catalogue = packs.LoadCatalogue();

        Assert.Empty(catalogue.Packs);
        Assert.Null(catalogue.FindModule("evil-a"));
        Assert.All(Assert.Single(catalogue.Refused).Problems, p => Assert.True(p.Line >= 16, p.ToString()));
    }

    [Theory]
    [InlineData("prompt")]
    [InlineData("rationale")]
    [InlineData("text")]
    [InlineData("feedback")]
    public void Hostile_Markdown_in_any_question_field_refuses_the_pack(string field)
    {
        foreach (var markdown in HostileMarkdown.Cases)
        {
            using var packs = new TempPacks();
            var indent = field is "text" or "feedback" ? "    " : "";
            var yaml = "|2\n" + string.Join('\n', markdown.Split('\n').Select(l => indent + "  " + l));
            var module = Samples.Module("evil-a")
                .Replace("prompt: Pick a.", field == "prompt" ? "prompt: " + yaml : "prompt: Pick a.\nrationale: " + (field == "rationale" ? yaml : "Fine."))
                .Replace("    text: Option B", field == "text" ? "    text: " + yaml : field == "feedback" ? "    text: Option B\n    feedback: " + yaml : "    text: Option B");
            var result = packs.Pack("evil").Manifest("evil").File("01-a.md", module).Load();

            Assert.False(result.Loaded, $"{field} with {markdown} loaded");
            // Refused for what the Markdown says, not because the test wrote broken YAML.
            Assert.True(
                result.Problems.All(p => p.Message.StartsWith("Raw HTML", StringComparison.Ordinal) || p.Message.StartsWith("Unsafe link", StringComparison.Ordinal) || p.Message.StartsWith("Images", StringComparison.Ordinal)),
                $"{field} with {markdown}:\n{PackAssert.Describe(result.Problems)}");
        }
    }

    [Theory]
    [MemberData(nameof(Harmless))]
    public void Harmless_lookalikes_load_and_every_HTML_string_in_the_model_is_safe(string markdown)
    {
        using var packs = new TempPacks();
        // "|2": the block's indentation is stated, so an indented code line keeps its own four spaces
        // (after a first line, because the loader trims each field).
        var yaml = "|2\n  Intro.\n\n" + string.Join('\n', markdown.Split('\n').Select(l => "  " + l));
        var module = Samples.ModuleWithBody("ok-a", $"\n## Section\n\n{markdown}\n\n```question\nid: q1\ntype: reflection\npoints: 1\ngrading: completion\nprompt: {yaml}\nrationale: {yaml}\n```\n");

        var pack = PackAssert.Loaded(packs.Pack("ok").Manifest("ok").File("01-a.md", module).Load());

        var all = Html.AllOf(pack.Modules[0].English).ToList();
        Assert.Equal(3, all.Count);
        Assert.All(all, Html.AssertSafe);
    }
}
