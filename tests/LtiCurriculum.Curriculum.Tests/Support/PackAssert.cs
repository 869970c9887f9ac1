using LtiCurriculum.Curriculum.Loading;

namespace LtiCurriculum.Curriculum.Tests.Support;

internal static class PackAssert
{
    public static string Describe(IEnumerable<PackProblem> problems)
    {
        var lines = problems.Select(p => "  " + p).ToList();
        return lines.Count == 0 ? "  (no problems)" : string.Join('\n', lines);
    }

    /// <summary>The pack was loaded with no problems at all.</summary>
    public static Model.ContentPack Loaded(PackLoadResult result)
    {
        Assert.True(result.Loaded && result.Problems.Count == 0, "Expected the pack to load, but:\n" + Describe(result.Problems));
        return result.Pack!;
    }

    /// <summary>
    /// The pack was refused, and one problem is at exactly this pack, file and line with a message containing
    /// <paramref name="messagePart"/>. When <paramref name="lineContains"/> is given, the test also checks its own
    /// arithmetic: that line of the file on disk must contain that text.
    /// </summary>
    public static PackProblem Problem(PackLoadResult result, string pack, string file, int line, string messagePart, string? lineContains = null)
    {
        Assert.False(result.Loaded, "Expected the pack to be refused, but it loaded.");
        Assert.Null(result.Pack);
        if (lineContains is not null)
        {
            var fileLines = File.ReadAllText(Path.Combine(result.Folder, file)).Split('\n');
            Assert.True(line >= 1 && line <= fileLines.Length && fileLines[line - 1].Contains(lineContains, StringComparison.Ordinal),
                $"Test arithmetic: line {line} of {file} should contain '{lineContains}' but is '{(line >= 1 && line <= fileLines.Length ? fileLines[line - 1] : "(none)")}'.");
        }
        var found = result.Problems.FirstOrDefault(p => p.Pack == pack && p.File == file && p.Line == line && p.Message.Contains(messagePart, StringComparison.Ordinal));
        Assert.True(found is not null, $"Expected a problem {pack}/{file}:{line} containing \"{messagePart}\", but got:\n{Describe(result.Problems)}");
        return found!;
    }

    /// <summary>The only problem is the one described.</summary>
    public static PackProblem OnlyProblem(PackLoadResult result, string pack, string file, int line, string messagePart, string? lineContains = null)
    {
        var problem = Problem(result, pack, file, line, messagePart, lineContains);
        Assert.True(result.Problems.Count == 1, "Expected exactly one problem, but got:\n" + Describe(result.Problems));
        return problem;
    }
}
