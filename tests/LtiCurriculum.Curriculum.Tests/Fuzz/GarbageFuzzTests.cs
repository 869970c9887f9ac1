using System.Text;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Fuzz;

/// <summary>Input that was never a module: random bytes and random YAML-looking text.</summary>
public sealed class GarbageFuzzTests
{
    private static readonly string[] YamlTokens =
    [
        "id", "type", "options", "correct", "true", "no", "~", "null", "1", "-1", "0x10", "1e9", ".nan", "2001-01-01",
        ":", ": ", "- ", "? ", ", ", "[", "]", "{", "}", "&x ", "*x", "&y ", "*y", "!!map ", "!!seq ", "!tag ", "<<: ", "|", ">-", "|+",
        "\"", "'", "\\", "#", "%TAG ! tag:x,2000:\n", "---\n", "...\n", "\n", "\n  ", "\n    ", "\t", "@", "`", "é", "\u0085", "\u2028",
    ];

    private static string YamlGarbage(Random random, int tokens)
    {
        var text = new StringBuilder();
        for (var i = 0; i < tokens; i++) text.Append(YamlTokens[random.Next(YamlTokens.Length)]);
        return text.ToString();
    }

    [Fact]
    public void Random_bytes_as_a_module_file_refuse_the_pack()
    {
        using var packs = new TempPacks();
        var random = new Random(1234);
        for (var round = 0; round < 40; round++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            var result = FuzzCheck.Load(packs, "01-a.md", bytes, $"random bytes round {round}");
            Assert.False(result.Loaded);
        }
    }

    [Fact]
    public void Random_bytes_as_pack_yaml_refuse_the_pack()
    {
        using var packs = new TempPacks();
        var random = new Random(5678);
        for (var round = 0; round < 20; round++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            var folder = packs.Pack($"r{round}").Bytes("pack.yaml", bytes).File("01-a.md", Samples.Module("fuzz-a"));
            Assert.False(FuzzCheck.Load(folder, $"random pack.yaml round {round}").Loaded);
        }
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(31337);
        string RandomText(int length)
        {
            var chars = new char[length];
            // Mostly ASCII (where the syntax is), some of everything else up to U+2FFF, lone surrogates excluded by the range.
            for (var i = 0; i < chars.Length; i++) chars[i] = (char)(random.Next(4) == 0 ? random.Next(0, 0x3000) : random.Next(0, 0x80));
            return new string(chars);
        }
        for (var round = 0; round < 200; round++)
        {
            FuzzCheck.Parse(RandomText(random.Next(0, 400)), $"random text round {round}");
            // Past the first checks: random front matter and a random body.
            FuzzCheck.Parse($"---\n{RandomText(random.Next(0, 200))}\n---\n{RandomText(random.Next(0, 400))}", $"random front matter and body round {round}");
        }
    }

    [Fact]
    public void YAML_garbage_in_front_matter_never_throws()
    {
        var random = new Random(2718);
        for (var round = 0; round < 250; round++)
        {
            FuzzCheck.Parse($"---\n{YamlGarbage(random, random.Next(1, 60))}\n---\n\n## S\n\nText.\n", $"front matter round {round}");
        }
    }

    [Fact]
    public void YAML_garbage_in_a_question_block_never_throws()
    {
        var random = new Random(1618);
        for (var round = 0; round < 250; round++)
        {
            var garbage = YamlGarbage(random, random.Next(1, 60)).Replace("```", "``", StringComparison.Ordinal);
            FuzzCheck.Parse(Samples.ModuleWithBody("fz", $"\n## S\n\n```question\nid: q1\n{garbage}\n```\n"), $"question round {round}");
        }
    }

    [Fact]
    public void YAML_garbage_as_pack_yaml_never_throws()
    {
        using var packs = new TempPacks();
        var random = new Random(1414);
        for (var round = 0; round < 40; round++)
        {
            var folder = packs.Pack($"g{round}").File("pack.yaml", "id: fuzz\n" + YamlGarbage(random, random.Next(1, 60))).File("01-a.md", Samples.Module("fuzz-a"));
            FuzzCheck.Load(folder, $"pack.yaml garbage round {round}");
        }
    }
}
