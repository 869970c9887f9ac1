namespace LtiCurriculum.Curriculum.Model;

/// <summary>A loaded, fully valid content pack: its metadata and its modules in file-name order.</summary>
public sealed record ContentPack(
    string Id,
    string Title,
    string Audience,
    string Version,
    IReadOnlyList<string> Languages,
    string Licence,
    IReadOnlyList<string> Authors,
    bool IsBuiltIn,
    IReadOnlyList<LocalizedModule> Modules);

/// <summary>A module in English and in the languages its pack translates it into.</summary>
public sealed record LocalizedModule(Module English, IReadOnlyDictionary<string, Module> Translations)
{
    public string Id => English.Id;

    /// <summary>
    /// The content hash of this module's own files (12 lower-case hex digits): it changes when the module or one of
    /// its translations is edited, and only then.
    /// </summary>
    public string Version { get; init; } = "";

    /// <summary>The module in the best language for a launch locale ("es-MX" → es), else English.</summary>
    public Module For(string? locale)
    {
        var language = LanguageOf(locale);
        return language is not null && Translations.TryGetValue(language, out var translated) ? translated : English;
    }

    /// <summary>
    /// The content language for a launch locale: its language part ("es-MX" → es), except Chinese, whose content is
    /// Simplified: zh, zh-CN, zh-SG and zh-Hans → zh-Hans; Traditional locales (zh-TW, zh-HK, zh-Hant) get no match.
    /// </summary>
    public static string? LanguageOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }
        var parts = locale.Trim().Replace('_', '-').Split('-');
        var language = parts[0].ToLowerInvariant();
        if (language != "zh")
        {
            return language;
        }
        return parts.Length == 1 || parts[1].ToUpperInvariant() is "CN" or "SG" or "HANS" ? SimplifiedChinese : null;
    }

    public const string SimplifiedChinese = "zh-Hans";
}
