using System.Diagnostics;
using System.Text;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Fuzz;

/// <summary>
/// Inputs that attack the parsers' recursion and YAML's aliases. Before the fixes, deep YAML nesting overflowed the
/// stack (killing the process, which no catch can stop) and an alias bomb used as a key took exponential time.
/// </summary>
public sealed class NestingAndAliasFuzzTests
{
    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    private static string Front(string extra) => "---\nid: m1\ntitle: T\nkind: module\nminutes: 5\nobjectives:\n  - x\n" + extra + "\n---\n\n## S\n\nText.\n";

    private static string Question(string extra) => Samples.ModuleWithBody("m1", "\n## S\n\n```question\nid: q1\ntype: rating\nprompt: P\nscale: [a, b, c]\n" + extra + "\n```\n");

    private static string Body(string markdown) => Samples.ModuleWithBody("m1", "\n## S\n\n" + markdown + "\n");

    private static string AliasBomb(int levels, bool asKey)
    {
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < levels; i++)
        {
            text.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }
        if (asKey) text.Append($"? *a{levels - 1}\n: boom\n");
        return text.ToString();
    }

    /// <summary>Built only when a test runs, so the large strings stay out of test names and discovery.</summary>
    private static readonly Dictionary<string, Func<string>> Cases = new()
    {
        ["flow sequences 100k deep in front matter"] = () => Front("deep: " + Repeat("[", 100_000) + Repeat("]", 100_000)),
        ["flow mappings 100k deep in front matter"] = () => Front("deep: " + Repeat("{a: ", 50_000) + "1" + Repeat("}", 50_000)),
        ["unclosed flow sequences 200k deep"] = () => Front("deep: " + Repeat("[", 200_000)),
        ["compact block sequences 50k deep"] = () => Front("deep:\n  " + Repeat("- ", 50_000) + "x"),
        ["complex keys 20k deep"] = () => Front(Repeat("? ", 20_000) + "x"),
        ["block mappings 300 deep"] = () => Front(string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i) + "k:\n")) + new string(' ', 300) + "v"),
        ["flow sequences 100k deep in a question"] = () => Question("extra: " + Repeat("[", 100_000) + Repeat("]", 100_000)),
        ["flow sequences 65 deep"] = () => Front("deep: " + Repeat("[", 65) + Repeat("]", 65)),
        ["alias bomb as a value"] = () => Front(AliasBomb(12, asKey: false)),
        ["alias bomb as a key"] = () => Front(AliasBomb(12, asKey: true)),
        ["alias bomb as a key in a question"] = () => Question(AliasBomb(12, asKey: true)),
        ["objectives aliasing a bomb"] = () => Front(AliasBomb(12, asKey: false) + "objectives: *a11").Replace("objectives:\n  - x\n", ""),
        ["objectives aliasing an anchor defined later"] = () => Front(AliasBomb(3, asKey: false)).Replace("objectives:\n  - x\n", "objectives: *a2\n"),
        ["objectives given by an alias"] = () => Front("").Replace("objectives:\n  - x\n", "list: &l [one, two]\nobjectives: *l\n"),
        ["self-referencing anchor"] = () => Front("a: &a [*a]"),
        ["self-referencing anchor as key"] = () => Front("a: &a { *a : 1 }"),
        ["alias to an unknown anchor"] = () => Front("a: *nowhere"),
        ["merge key"] = () => Front("base: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2"),
        ["anchored key"] = () => Front("&k id2: m2"),
        ["anchored id"] = () => Question("").Replace("id: q1", "id: &q q1\nalso: *q"),
        ["id given by alias"] = () => Question("").Replace("id: q1", "x: &q q1\nid: *q"),
        ["blockquotes 100k deep"] = () => Body(Repeat(">", 100_000) + " hi"),
        ["lists 600 deep"] = () => Body(string.Concat(Enumerable.Range(0, 600).Select(i => new string(' ', i * 2) + "- a\n"))),
        ["emphasis 100k deep"] = () => Body(Repeat("*", 100_000) + "a" + Repeat("*", 100_000)),
        ["brackets 100k"] = () => Body(Repeat("[", 100_000)),
        ["nested links 2000 deep"] = () => Body(Repeat("[", 2000) + "a" + Repeat("](https://x.org)", 2000)),
        ["backticks 100k"] = () => Body(Repeat("`", 100_000)),
        ["a heading nested 100k deep"] = () => Body("## " + Repeat("*", 100_000) + "a" + Repeat("*", 100_000)),
        ["a prompt nested 19k deep"] = () => Question("").Replace("prompt: P", "prompt: \"" + Repeat(">", 19_000) + " hi\""),
        ["20k headings"] = () => Body(Repeat("## h\n", 20_000)),
        ["5k empty question blocks"] = () => Body(Repeat("```question\n```\n", 5_000)),
    };

    public static TheoryData<string> Hostile => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_structure_gives_problems_quickly_and_never_throws(string name)
    {
        var text = Cases[name]();
        var watch = Stopwatch.StartNew();
        var module = FuzzCheck.Parse(text, name);
        watch.Stop();

        // Generous, for a loaded CI machine: the bound is there to catch exponential blow-ups (minutes), not to benchmark.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{name} took {watch.Elapsed}");
        _ = module;
    }

    [Fact]
    public void Deep_nesting_is_refused_with_a_problem_at_its_line()
    {
        var problems = new List<Loading.PackProblem>();
        var module = Loading.ModuleParser.Parse(Front("deep: " + Repeat("[", 100_000) + Repeat("]", 100_000)), "p", "en", new Loading.ProblemSink("p", "f.md", problems));

        Assert.Null(module);
        var problem = Assert.Single(problems);
        Assert.Equal(8, problem.Line);
        Assert.Contains("nested more than", problem.Message);
    }

    [Fact]
    public void An_alias_used_as_a_key_is_refused_with_a_problem_at_its_line()
    {
        var problems = new List<Loading.PackProblem>();
        var module = Loading.ModuleParser.Parse(Front(AliasBomb(12, asKey: true)), "p", "en", new Loading.ProblemSink("p", "f.md", problems));

        Assert.Null(module);
        var problem = Assert.Single(problems);
        Assert.Equal(20, problem.Line);
        Assert.Contains("a key must be plain text", problem.Message);
    }

    [Fact]
    public void Deeply_nested_Markdown_is_a_problem_not_an_exception()
    {
        var problems = new List<Loading.PackProblem>();
        var module = Loading.ModuleParser.Parse(Body(Repeat(">", 100_000) + " hi"), "p", "en", new Loading.ProblemSink("p", "f.md", problems));

        Assert.Null(module);
        Assert.Contains(problems, p => p.Message.Contains("nested too deeply", StringComparison.Ordinal));
    }

    [Fact]
    public void Hostile_structure_on_disk_loads_or_refuses_its_pack()
    {
        using var packs = new TempPacks();
        foreach (var (name, text) in Cases)
        {
            FuzzCheck.Load(packs, "01-a.md", Encoding.UTF8.GetBytes(text()), name);
        }
        FuzzCheck.Load(packs, "01-a.md", Encoding.UTF8.GetBytes(Samples.Module("fuzz-a")), "deep pack.yaml",
            manifest: Samples.Manifest("fuzz") + "\nextra: " + Repeat("[", 100_000) + Repeat("]", 100_000));
        FuzzCheck.Load(packs, "01-a.md", Encoding.UTF8.GetBytes(Samples.Module("fuzz-a")), "alias bomb key in pack.yaml",
            manifest: Samples.Manifest("fuzz") + "\n" + AliasBomb(12, asKey: true));
    }
}
