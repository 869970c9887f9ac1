using System.Text;
using LtiCurriculum.Curriculum.Tests.Format;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Fuzz;

public sealed class TruncationFuzzTests
{
    /// <summary>Short, so that every prefix is affordable, yet with all four question types, a reference and a citation.</summary>
    private const string Compact = """
        ---
        id: c
        title: C
        kind: prework
        minutes: 1
        objectives: [o]
        references:
          - {id: r, citation: R, url: "https://r.example"}
        ---
        T [@r].
        ## S
        ```question
        id: a
        type: single
        points: 1
        prompt: P
        options: [{id: x, text: X, correct: true}, {id: y, text: "Y", feedback: F}]
        ```
        ```question
        id: b
        type: multiple
        points: 2
        partial_credit: true
        prompt: P
        options: [{id: x, text: X, correct: true}, {id: y, text: "Y"}]
        ```
        ```question
        {id: c, type: reflection, points: 1, grading: instructor, prompt: P, rationale: R}
        ```
        ```question
        {id: d, type: rating, prompt: P, scale: [l, m, h]}
        ```
        """;

    [Fact]
    public void Every_prefix_of_a_valid_module_parses_to_a_module_or_problems()
    {
        var modules = 0;
        for (var length = 0; length <= Compact.Length; length++)
        {
            if (FuzzCheck.Parse(Compact[..length], $"prefix {length}") is not null) modules++;
        }
        // The whole file is valid, and so are a few prefixes that only cut the end of the last block; most are not.
        Assert.Equal(4, FuzzCheck.Parse(Compact, "whole")!.Questions.Count);
        Assert.InRange(modules, 1, Compact.Length / 4);
    }

    [Fact]
    public void Every_seventh_prefix_of_a_longer_module_parses_to_a_module_or_problems()
    {
        var text = ExamplePack.Intro;
        for (var length = 0; length <= text.Length; length += 7)
        {
            FuzzCheck.Parse(text[..length], $"prefix {length}");
        }
    }

    [Fact]
    public void Every_prefix_of_a_valid_module_file_loads_or_refuses_its_pack()
    {
        using var packs = new TempPacks();
        var bytes = Encoding.UTF8.GetBytes(ExamplePack.Intro);
        // Every byte length would mean thousands of folders; a stride that is prime against line lengths still cuts everywhere.
        for (var length = 0; length <= bytes.Length; length += 13)
        {
            FuzzCheck.Load(packs, "01-a.md", bytes[..length], $"prefix {length}");
        }
    }

    [Fact]
    public void A_module_ending_in_an_opening_fence_loads_without_an_exception()
    {
        // Markdig ends that block's span one past the text; the loader used to throw ArgumentOutOfRangeException.
        var module = FuzzCheck.Parse(Samples.Module("m1") + "\n\n```", "ends in ```");

        Assert.NotNull(module);
        Assert.Equal("<pre><code></code></pre>", Assert.IsType<Model.TextBlock>(module!.Sections[^1].Blocks[^1]).Html);
    }

    [Fact]
    public void Every_prefix_of_pack_yaml_loads_or_refuses_its_pack()
    {
        using var packs = new TempPacks();
        var manifest = Encoding.UTF8.GetBytes(Samples.Manifest("fuzz"));
        for (var length = 0; length <= manifest.Length; length++)
        {
            var folder = packs.Pack($"m{length}");
            folder.Bytes("pack.yaml", manifest[..length]).File("01-a.md", Samples.Module("fuzz-a"));
            FuzzCheck.Load(folder, $"pack.yaml prefix {length}");
        }
    }

    [Fact]
    public void Every_prefix_cut_inside_a_multibyte_character_is_reported_as_not_UTF8()
    {
        using var packs = new TempPacks();
        var bytes = Encoding.UTF8.GetBytes(Samples.Module("fuzz-a", title: "Módulo ünïcödé"));
        var cut = Array.IndexOf(bytes, (byte)0xC3) + 1;

        var result = FuzzCheck.Load(packs, "01-a.md", bytes[..cut], "cut in a character");

        Assert.Contains(result.Problems, p => p.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
    }
}
