namespace LtiCurriculum.Curriculum.Loading;

/// <summary>One thing wrong with a pack, where it is: "flipped-classroom/01-prework.md:42: ...".</summary>
public sealed record PackProblem(string Pack, string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{Pack}/{File}:{Line}: {Message}" : $"{Pack}/{File}: {Message}";
}

/// <summary>Collects problems for one file; line numbers are shifted to the file's own lines.</summary>
internal sealed class ProblemSink(string pack, string file, List<PackProblem> problems, int lineOffset = 0)
{
    public string Pack { get; } = pack;
    public string File { get; } = file;
    public int LineOffset { get; } = lineOffset;
    public int Count => problems.Count;

    public void Add(int line, string message) => problems.Add(new PackProblem(Pack, File, line <= 0 ? 0 : line + LineOffset, message));

    /// <summary>The same file, for a part of it that starts further down.</summary>
    public ProblemSink Shifted(int extraOffset) => new(Pack, File, problems, LineOffset + extraOffset);
}
