using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>
/// Checks a page-text record (<c>LearnText</c>, <c>TeachText</c>) translation against its English: every phrase
/// present, most of them actually translated, the same <c>{n}</c> placeholders, and each one usable by string.Format.
/// </summary>
internal static partial class PageTextChecks
{
    /// <summary>Every public string property but the language tag, by name.</summary>
    public static IReadOnlyDictionary<string, string?> Phrases<T>(T text) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.Name != "Lang")
            .ToDictionary(p => p.Name, p => (string?)p.GetValue(text), StringComparer.Ordinal);

    public static void NoneEmpty<T>(T translation, string language)
    {
        var empty = Phrases(translation).Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ToList();
        Assert.True(empty.Count == 0, $"{language}: empty phrases: {string.Join(", ", empty)}");
    }

    /// <summary>At least <paramref name="share"/> of the phrases differ from English (a few, like "CSV", may match).</summary>
    public static void MostlyTranslated<T>(T english, T translation, string language, double share = 0.9)
    {
        var source = Phrases(english);
        var same = Phrases(translation).Where(p => p.Value == source[p.Key]).Select(p => p.Key).ToList();
        var translated = 1 - (double)same.Count / source.Count;
        Assert.True(translated >= share, $"{language}: only {translated:P0} translated; same as English: {string.Join(", ", same)}");
    }

    public static void SamePlaceholders<T>(T english, T translation, string language)
    {
        var source = Phrases(english);
        var wrong = Phrases(translation)
            .Where(p => !Placeholders(p.Value).SetEquals(Placeholders(source[p.Key])))
            .Select(p => $"{p.Key} ({string.Join(" ", Placeholders(source[p.Key]).Order())} in English, {string.Join(" ", Placeholders(p.Value).Order())} here)")
            .ToList();
        Assert.True(wrong.Count == 0, $"{language}: placeholders differ: {string.Join("; ", wrong)}");
    }

    /// <summary>string.Format accepts every phrase (no stray or unbalanced braces).</summary>
    public static void Formattable<T>(T translation, string language)
    {
        foreach (var (name, phrase) in Phrases(translation))
        {
            var arguments = Enumerable.Range(0, 10).Select(i => (object)$"<{i}>").ToArray();
            var exception = Record.Exception(() => string.Format(CultureInfo.InvariantCulture, phrase!, arguments));
            Assert.True(exception is null, $"{language}.{name}: {exception?.Message}");
        }
    }

    public static HashSet<int> Placeholders(string? phrase) =>
        [.. Placeholder().Matches(phrase ?? "").Select(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"(?<!\{)\{(?<n>\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
