using System.Text;
using LtiCurriculum.Curriculum.Tests.Format;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Fuzz;

/// <summary>Random edits of valid files, from fixed seeds so a failure can be replayed.</summary>
public sealed class MutationFuzzTests
{
    private const int Rounds = 250;

    private static readonly string[] Seeds = [ExamplePack.Intro, ExamplePack.IntroSpanish, ExamplePack.Prework, Samples.Module("fuzz-a")];

    private static readonly string[] Splices =
    [
        "---", "```", "```question", "## ", "# ", ":", ": ", "- ", "  ", "\t", "[", "]", "{", "}", "&a ", "*a", "!!str ", "? ", "|", ">",
        "\"", "'", "#", "%YAML 1.2", "...", "<script>", "[@hew2018]", "[@nope]", "[x](javascript:1)", "\r", "\0", "\uFEFF", "é", "\u202E",
    ];

    [Fact]
    public void Random_line_deletions_duplications_and_swaps_never_throw()
    {
        var random = new Random(20240611);
        for (var round = 0; round < Rounds; round++)
        {
            var lines = Seeds[round % Seeds.Length].Split('\n').ToList();
            var edits = 1 + random.Next(4);
            for (var e = 0; e < edits && lines.Count > 0; e++)
            {
                var i = random.Next(lines.Count);
                switch (random.Next(4))
                {
                    case 0: lines.RemoveAt(i); break;
                    case 1: lines.Insert(i, lines[i]); break;
                    case 2: var j = random.Next(lines.Count); (lines[i], lines[j]) = (lines[j], lines[i]); break;
                    default: lines[i] = new string(' ', random.Next(5)) + lines[i].TrimStart(); break;
                }
            }
            FuzzCheck.Parse(string.Join('\n', lines), $"line round {round}");
        }
    }

    [Fact]
    public void Random_character_splices_and_cuts_never_throw()
    {
        var random = new Random(7_777);
        for (var round = 0; round < Rounds; round++)
        {
            var text = new StringBuilder(Seeds[round % Seeds.Length]);
            var edits = 1 + random.Next(6);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(text.Length + 1);
                switch (random.Next(3))
                {
                    case 0: text.Insert(at, Splices[random.Next(Splices.Length)]); break;
                    case 1: text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at)); break;
                    default: text.Insert(at, (char)random.Next(0x20, 0x7F)); break;
                }
            }
            FuzzCheck.Parse(text.ToString(), $"splice round {round}");
        }
    }

    [Fact]
    public void Random_mutants_written_to_disk_load_or_refuse_their_pack()
    {
        using var packs = new TempPacks();
        var random = new Random(424242);
        for (var round = 0; round < 60; round++)
        {
            var bytes = Encoding.UTF8.GetBytes(Seeds[round % Seeds.Length]);
            for (var e = 0; e < 1 + random.Next(8); e++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }
            FuzzCheck.Load(packs, "01-a.md", bytes, $"byte flip round {round}");
        }
    }

    [Fact]
    public void A_mutated_translation_loads_or_refuses_its_pack()
    {
        using var packs = new TempPacks();
        var random = new Random(99);
        for (var round = 0; round < 40; round++)
        {
            var lines = ExamplePack.IntroSpanish.Split('\n').ToList();
            lines.RemoveAt(random.Next(lines.Count));
            var folder = packs.Pack($"t{round}")
                .File("pack.yaml", Samples.Manifest("fuzz", "[en, es]"))
                .File("01-intro.md", ExamplePack.Intro)
                .File("01-intro.es.md", string.Join('\n', lines));
            FuzzCheck.Load(folder, $"translation round {round}");
        }
    }
}
