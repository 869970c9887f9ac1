namespace LtiCurriculum.Curriculum.Loading;

/// <summary>The rules for file names in a pack zip and in a pack's file set.</summary>
internal static class PackEntryName
{
    public const int MaxLength = 200;

    // Characters Windows refuses in file names; ':' would also open an NTFS alternate data stream.
    private static readonly char[] Unportable = ['<', '>', ':', '"', '|', '?', '*'];

    /// <summary>Why a path inside a zip is refused, or null when it is safe to look at further.</summary>
    public static string? PathProblem(string path)
    {
        if (path.Length == 0)
        {
            return "An entry in the zip has no name.";
        }
        if (path.Length > MaxLength)
        {
            return $"The name is longer than {MaxLength} characters.";
        }
        if (path.Any(char.IsControl))
        {
            return "The name contains control characters.";
        }
        if (path.Contains('\\'))
        {
            return "The name contains a backslash (\\); folders in a zip are separated by '/'. Make the zip again with your computer's Compress or Send to zip.";
        }
        if (path.StartsWith('/'))
        {
            return "The name is an absolute path (it starts with '/'); files in a pack zip must be relative.";
        }
        if (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
        {
            return "The name starts with a drive letter; files in a pack zip must be relative.";
        }
        var segments = path.TrimEnd('/').Split('/');
        if (segments.Any(s => s is "." or ".."))
        {
            return "The name contains '.' or '..' as a folder, which could point outside the pack.";
        }
        if (segments.Any(s => s.Length == 0))
        {
            return "The name contains an empty folder name ('//').";
        }
        if (path.IndexOfAny(Unportable) >= 0)
        {
            return "The name contains a character not allowed in file names (< > : \" | ? *).";
        }
        return null;
    }

    /// <summary>Why a key of a pack's file set is not a plain file name, or null when it is one.</summary>
    public static string? FileNameProblem(string name) =>
        PathProblem(name) ?? (name.Contains('/') ? "The name contains a folder; a pack's files are all in one folder." : null);

    /// <summary>What zip tools add on their own: macOS's __MACOSX folder and hidden dot-files (.DS_Store, ._name).</summary>
    public static bool IsIgnored(IReadOnlyList<string> segments) => segments[0] == "__MACOSX" || segments.Any(s => s.StartsWith('.'));

    /// <summary>The kinds of file a pack is made of: pack.yaml, Markdown modules and YAML glossaries.</summary>
    public static bool IsPackFile(string name) =>
        name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal);

    /// <summary>A name safe to show on a page or in a log: control characters replaced, at most a little over the limit.</summary>
    public static string Display(string name)
    {
        var shown = new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return shown.Length > MaxLength ? shown[..MaxLength] + "…" : shown;
    }
}
