using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>
/// Typed reads from one YAML mapping, each problem reported with its line. Keys nobody asked for are
/// reported by <see cref="ReportUnknownKeys"/>, so a typo ("corect: true") is an error, not a silent default.
/// </summary>
internal sealed class YamlMap(YamlMappingNode node, ProblemSink problems, string what)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public int Line => (int)node.Start.Line;

    public static YamlMap? From(YamlNode? node, ProblemSink problems, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, problems, what);
        }
        // No node: YamlText.Parse has already reported why, with its line.
        if (node is not null)
        {
            problems.Add((int)node.Start.Line, $"{what} must be a mapping of keys to values.");
        }
        return null;
    }

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public bool Has(string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    public string? String(string key, bool required, int maxLength = 20_000)
    {
        var value = Node(key);
        if (value is null || value is YamlScalarNode { Value: var blank } && string.IsNullOrWhiteSpace(blank))
        {
            if (required) problems.Add(Line, $"{what} needs '{key}'.");
            return null;
        }
        if (value is not YamlScalarNode scalar)
        {
            problems.Add((int)value.Start.Line, $"'{key}' in {what} must be text.");
            return null;
        }
        var text = scalar.Value!.Trim();
        if (text.Length > maxLength)
        {
            problems.Add((int)value.Start.Line, $"'{key}' in {what} is longer than {maxLength} characters.");
            return null;
        }
        return text;
    }

    public int Int(string key, int min, int max, int? fallback)
    {
        var value = Node(key);
        if (value is null)
        {
            if (fallback is null) problems.Add(Line, $"{what} needs '{key}' (a whole number from {min} to {max}).");
            return fallback ?? min;
        }
        if (value is YamlScalarNode { Value: { } raw } && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        problems.Add((int)value.Start.Line, $"'{key}' in {what} must be a whole number from {min} to {max}.");
        return fallback ?? min;
    }

    public decimal Decimal(string key, decimal min, decimal max, decimal? fallback)
    {
        var value = Node(key);
        if (value is null)
        {
            if (fallback is null) problems.Add(Line, $"{what} needs '{key}' (a number from {min} to {max}).");
            return fallback ?? min;
        }
        if (value is YamlScalarNode { Value: { } raw } && decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        problems.Add((int)value.Start.Line, $"'{key}' in {what} must be a number from {min} to {max}.");
        return fallback ?? min;
    }

    public bool Bool(string key, bool fallback)
    {
        var value = Node(key);
        switch (value)
        {
            case null:
                return fallback;
            case YamlScalarNode { Value: "true" or "True" or "yes" }:
                return true;
            case YamlScalarNode { Value: "false" or "False" or "no" }:
                return false;
            default:
                problems.Add((int)value.Start.Line, $"'{key}' in {what} must be true or false.");
                return fallback;
        }
    }

    /// <summary>One of a fixed set of words; the first is the default when the key is absent and not required.</summary>
    public string Choice(string key, IReadOnlyList<string> allowed, bool required)
    {
        var text = String(key, required, 100);
        if (text is null)
        {
            return allowed[0];
        }
        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            problems.Add(LineOf(key), $"Unknown {key} '{text}' in {what}; use one of: {string.Join(", ", allowed)}.");
            return allowed[0];
        }
        return text;
    }

    public IReadOnlyList<string> StringList(string key, bool required, int maxItems, int maxLength = 2000)
    {
        var value = Node(key);
        if (value is null)
        {
            if (required) problems.Add(Line, $"{what} needs '{key}' (a list).");
            return [];
        }
        if (value is not YamlSequenceNode sequence)
        {
            problems.Add((int)value.Start.Line, $"'{key}' in {what} must be a list.");
            return [];
        }
        if (sequence.Children.Count > maxItems)
        {
            problems.Add((int)value.Start.Line, $"'{key}' in {what} has more than {maxItems} items.");
            return [];
        }
        var items = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text } && text.Trim().Length is > 0 and var length && length <= maxLength)
            {
                items.Add(text.Trim());
            }
            else
            {
                problems.Add((int)item.Start.Line, $"Each item of '{key}' in {what} must be text of 1 to {maxLength} characters.");
            }
        }
        if (required && items.Count == 0 && sequence.Children.Count == 0)
        {
            problems.Add((int)value.Start.Line, $"'{key}' in {what} must not be empty.");
        }
        return items;
    }

    public IReadOnlyList<YamlMap> MapList(string key, bool required, int maxItems, string itemWhat)
    {
        var value = Node(key);
        if (value is null)
        {
            if (required) problems.Add(Line, $"{what} needs '{key}' (a list).");
            return [];
        }
        if (value is not YamlSequenceNode sequence)
        {
            problems.Add((int)value.Start.Line, $"'{key}' in {what} must be a list.");
            return [];
        }
        if (sequence.Children.Count > maxItems)
        {
            problems.Add((int)value.Start.Line, $"'{key}' in {what} has more than {maxItems} items.");
            return [];
        }
        var maps = new List<YamlMap>();
        foreach (var item in sequence.Children)
        {
            if (From(item, problems, itemWhat) is { } map)
            {
                maps.Add(map);
            }
        }
        return maps;
    }

    /// <summary>The line of the key itself (a block list or mapping value only starts on the next line), else the mapping's.</summary>
    public int LineOf(string key) =>
        node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var name } && name == key) is { } found ? (int)found.Start.Line : Line;

    public void ReportUnknownKeys()
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!_read.Contains(name))
            {
                problems.Add((int)key.Start.Line, $"Unknown key '{name}' in {what}.");
            }
        }
    }
}
