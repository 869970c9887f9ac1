using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Fuzz;

/// <summary>The loader's promise for any input: no exception; a module (and no problem) or at least one problem, on a line of the file.</summary>
internal static class FuzzCheck
{
    public static Module? Parse(string text, string what)
    {
        var problems = new List<PackProblem>();
        Module? module = null;
        var exception = Record.Exception(() => module = ModuleParser.Parse(text, "fuzz", "en", new ProblemSink("fuzz", "f.md", problems)));
        Assert.True(exception is null, $"{what}: ModuleParser.Parse threw {exception}\nInput: {Show(text)}");
        Assert.True(module is not null ^ problems.Count > 0, $"{what}: module={module is not null}, problems:\n{PackAssert.Describe(problems)}\nInput: {Show(text)}");
        var lineCount = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Length;
        foreach (var problem in problems)
        {
            Assert.True(problem.Line >= 0 && problem.Line <= lineCount + 1, $"{what}: line out of the file ({lineCount} lines): {problem}\nInput: {Show(text)}");
        }
        if (module is not null)
        {
            Assert.All(Html.AllOf(module), Html.AssertSafe);
        }
        return module;
    }

    /// <summary>Writes <paramref name="file"/> into a fresh pack folder next to a valid pack.yaml and loads it.</summary>
    public static PackLoadResult Load(TempPacks packs, string file, byte[] bytes, string what, string? manifest = null)
    {
        var folder = packs.Pack("p" + Guid.NewGuid().ToString("N")[..12]);
        folder.File("pack.yaml", manifest ?? Samples.Manifest("fuzz")).Bytes(file, bytes);
        return Load(folder, what);
    }

    public static PackLoadResult Load(TempPacks.PackFolder folder, string what)
    {
        PackLoadResult? result = null;
        var exception = Record.Exception(() => result = folder.Load());
        Assert.True(exception is null, $"{what}: PackLoader.Load threw {exception}");
        Assert.True(result!.Loaded ^ result.Problems.Count > 0, $"{what}: loaded={result.Loaded}, problems:\n{PackAssert.Describe(result.Problems)}");
        // PackLoader turns any exception that escapes the parsers into this problem; that still counts as a crash.
        Assert.DoesNotContain(result.Problems, p => p.Message.StartsWith("The pack could not be loaded (", StringComparison.Ordinal));
        if (result.Pack is { } pack)
        {
            Assert.All(pack.Modules.SelectMany(m => m.Translations.Values.Prepend(m.English)).SelectMany(Html.AllOf), Html.AssertSafe);
        }
        return result;
    }

    public static string Show(string text) => text.Length <= 300 ? text : text[..300] + $"… ({text.Length} chars)";
}
