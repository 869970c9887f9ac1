using System.Text;
using System.Text.RegularExpressions;

namespace LtiCurriculum.Curriculum.Authoring;

/// <summary>Makes the folder of a new content pack that loads as generated (pack.yaml and one example module).</summary>
public static partial class PackScaffold
{
    /// <summary>Room is left for the example module's id (<c>NAME-first-module</c>) within the 64 characters ids may have.</summary>
    public const int MaxNameLength = 48;

    /// <summary>Why <paramref name="name"/> cannot name a new pack, or null when it can.</summary>
    public static string? ProblemWithName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "Give the new pack a name: lower-case letters, digits and hyphens, such as cardiology-prework.";
        }
        if (name.Length > MaxNameLength)
        {
            return $"The name '{name[..MaxNameLength]}…' is {name.Length} characters long; a pack name has at most {MaxNameLength}.";
        }
        if (!Name().IsMatch(name))
        {
            return $"The name '{name}' is not a pack name: use lower-case letters, digits and single hyphens between them, such as cardiology-prework.";
        }
        return null;
    }

    /// <summary>
    /// Writes the pack <paramref name="name"/> as a new folder of that name in <paramref name="parent"/> (which must
    /// exist) and returns its path. The files appear together or not at all: they are written to a hidden sibling
    /// folder first and moved into place. Throws <see cref="ArgumentException"/> for a bad name and
    /// <see cref="IOException"/> when the folder exists.
    /// </summary>
    public static string Write(string parent, string name)
    {
        if (ProblemWithName(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }
        var folder = Path.Combine(parent, name);
        if (Directory.Exists(folder) || File.Exists(folder))
        {
            throw new IOException($"'{folder}' already exists.");
        }
        var staging = Directory.CreateDirectory(Path.Combine(parent, $".{name}.{Guid.NewGuid():N}")).FullName;
        try
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            File.WriteAllText(Path.Combine(staging, PackTemplate.ManifestFile), Fill(PackTemplate.Manifest, name), utf8);
            File.WriteAllText(Path.Combine(staging, PackTemplate.ModuleFile), Fill(PackTemplate.Module, name), utf8);
            Directory.Move(staging, folder);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        return folder;
    }

    /// <summary>The files a new pack gets, in the order they are written.</summary>
    public static IReadOnlyList<string> Files => [PackTemplate.ManifestFile, PackTemplate.ModuleFile];

    /// <summary>The example module's id in a pack named <paramref name="name"/>.</summary>
    public static string ModuleId(string name) => $"{name}-first-module";

    private static string Fill(string template, string name) =>
        template.Replace("{module}", ModuleId(name), StringComparison.Ordinal).Replace("{id}", name, StringComparison.Ordinal).Replace("{title}", TitleOf(name), StringComparison.Ordinal) + "\n";

    /// <summary>"cardiology-prework" → "Cardiology prework".</summary>
    private static string TitleOf(string name)
    {
        var words = name.Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Name();
}
