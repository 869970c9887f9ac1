namespace LtiCurriculum.Web.Install.Cli;

/// <summary>
/// The admin commands of the same executable: <c>platforms add|list|remove</c>,
/// <c>keys list|add|use|remove</c>, <c>packs list|validate</c> and <c>grades list|retry</c>. Options are <c>--name value</c>; a repeated option collects values.
/// </summary>
public sealed record CliCommand(string Group, string Verb, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, List<string>> Options)
{
    public static readonly string[] Groups = ["platforms", "keys", "packs", "grades"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Groups.Contains(args[0]);

    /// <summary>Parses, or returns the sentence that says what is wrong with the command line.</summary>
    public static (CliCommand? Command, string? Error) Parse(string[] args)
    {
        if (args.Length < 2)
        {
            var verbs = args[0] switch { "platforms" => "add|list|remove", "packs" => "list|validate FOLDER", "grades" => "list|retry", _ => "list|add|use|remove" };
            return (null, $"Say what to do: {args[0]} {verbs}.");
        }
        var positional = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 2; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            string value;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                value = "true";
            }
            if (!options.TryGetValue(name, out var values))
            {
                options[name] = values = [];
            }
            values.Add(value);
        }
        return (new CliCommand(args[0], args[1], positional, options), null);
    }

    public string? Single(string name) => Options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => Options.TryGetValue(name, out var values) ? values : [];

    public IEnumerable<string> UnknownOptions(params string[] known) => Options.Keys.Where(k => !known.Contains(k));
}
