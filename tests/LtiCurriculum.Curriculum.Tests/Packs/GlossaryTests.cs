using System.Text.RegularExpressions;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace LtiCurriculum.Curriculum.Tests.Packs;

/// <summary>
/// Each pack's glossary.LANG.yaml (English term in lower case → the translation used throughout the pack) is kept:
/// a term found in an English module's Markdown body must appear, as its translation, in the body of that module's
/// LANG translation. English matching is case-insensitive on whole words; translations too, except Chinese, which
/// has no word boundaries and is matched as a plain substring. Spaces in a term match any run of white space, so a
/// term broken across two lines of the Markdown still counts.
/// </summary>
public sealed partial class GlossaryTests
{
    [Fact]
    public void Every_built_in_glossary_parses_and_its_terms_are_used_in_the_translations()
    {
        var problems = GlossaryCheck.Check(ContentCatalogue.BuiltInFolder);

        Assert.True(problems.Count == 0, $"{problems.Count} glossary problem(s):\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void The_built_in_packs_have_glossaries_to_check()
    {
        var glossaries = Directory.GetDirectories(ContentCatalogue.BuiltInFolder).SelectMany(GlossaryCheck.GlossaryFiles).ToList();

        Assert.Contains(glossaries, g => g.Path.EndsWith(Path.Combine("clinical-prework", "glossary.es.yaml"), StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_translation_is_reported_with_pack_file_term_and_translation()
    {
        using var packs = new TempPacks();
        packs.Pack("gl").Manifest("gl", "[en, es]")
            .File("01-a.md", Samples.ModuleWithBody("gl-a", "\n## Section\n\nThe flipped\nclassroom and the reticulocyte count [@smith2020].\n"))
            .File("01-a.es.md", Samples.ModuleWithBody("gl-a", "\n## Sección\n\nEl aula invertida y los reticulocitos [@smith2020].\n"))
            .File("glossary.es.yaml", "flipped classroom: aula invertida\nreticulocyte count: recuento de reticulocitos\ncurriculum: currículo\n");

        var problems = GlossaryCheck.Check(packs.Root);

        var problem = Assert.Single(problems);
        Assert.Contains("gl/01-a.es.md", problem, StringComparison.Ordinal);
        Assert.Contains("glossary.es.yaml", problem, StringComparison.Ordinal);
        Assert.Contains("'reticulocyte count'", problem, StringComparison.Ordinal);
        Assert.Contains("'recuento de reticulocitos'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_words_only_in_English_and_substrings_in_Chinese()
    {
        using var packs = new TempPacks();
        packs.Pack("gl").Manifest("gl", "[en, zh-Hans]")
            .File("01-a.md", Samples.ModuleWithBody("gl-a", "\n## Section\n\nReticulocytes and a Marrow response [@smith2020].\n"))
            .File("01-a.zh-Hans.md", Samples.ModuleWithBody("gl-a", "\n## 小节\n\n骨髓有反应 [@smith2020]。\n"))
            .File("glossary.zh-Hans.yaml", "reticulocyte: 网织红细胞\nmarrow: 骨髓\n");

        Assert.Empty(GlossaryCheck.Check(packs.Root));
    }

    [Theory]
    [InlineData("flipped classroom: \"\"\n", "empty translation")]
    [InlineData("flipped classroom:\n", "empty translation")]
    [InlineData("- flipped classroom\n", "mapping")]
    [InlineData("flipped classroom: [aula, invertida]\n", "plain text")]
    [InlineData("flipped classroom: aula invertida\nflipped classroom: clase invertida\n", "does not parse")]
    [InlineData("flipped classroom: 'aula\n", "does not parse")]
    public void A_broken_glossary_is_reported(string yaml, string messagePart)
    {
        using var packs = new TempPacks();
        packs.Pack("gl").Manifest("gl", "[en, es]")
            .File("01-a.md", Samples.Module("gl-a"))
            .File("01-a.es.md", Samples.Module("gl-a"))
            .File("glossary.es.yaml", yaml);

        var problems = GlossaryCheck.Check(packs.Root);

        Assert.Contains(problems, p => p.Contains("gl/glossary.es.yaml", StringComparison.Ordinal) && p.Contains(messagePart, StringComparison.Ordinal));
    }

    [Fact]
    public void A_glossary_for_a_language_the_pack_does_not_list_is_reported()
    {
        using var packs = new TempPacks();
        packs.Pack("gl").Manifest("gl")
            .File("01-a.md", Samples.Module("gl-a"))
            .File("glossary.es.yaml", "flipped classroom: aula invertida\n");

        var problem = Assert.Single(GlossaryCheck.Check(packs.Root));
        Assert.Contains("gl/glossary.es.yaml", problem, StringComparison.Ordinal);
        Assert.Contains("'es' is not listed", problem, StringComparison.Ordinal);
    }
}

/// <summary>The glossary rule, over a folder of pack folders; each problem names pack and file.</summary>
internal static partial class GlossaryCheck
{
    public static IEnumerable<(string Path, string Language)> GlossaryFiles(string packFolder) =>
        Directory.GetFiles(packFolder, "glossary.*.yaml")
            .Select(path => (Path: path, Match: GlossaryFile().Match(Path.GetFileName(path))))
            .Where(g => g.Match.Success)
            .Select(g => (g.Path, g.Match.Groups["lang"].Value))
            .OrderBy(g => g.Path, StringComparer.Ordinal);

    public static List<string> Check(string packsRoot)
    {
        var problems = new List<string>();
        foreach (var folder in Directory.GetDirectories(packsRoot).Order(StringComparer.Ordinal))
        {
            var pack = Path.GetFileName(folder);
            var languages = PackLanguages(folder);
            foreach (var stray in Directory.GetFiles(folder, "glossary*.yaml").Where(f => !GlossaryFile().IsMatch(Path.GetFileName(f))))
            {
                problems.Add($"{pack}/{Path.GetFileName(stray)}: a glossary is named glossary.LANG.yaml, for example glossary.es.yaml.");
            }
            foreach (var (path, language) in GlossaryFiles(folder))
            {
                var glossaryName = Path.GetFileName(path);
                if (language == "en" || !languages.Contains(language))
                {
                    problems.Add($"{pack}/{glossaryName}: language '{language}' is not listed among the translations in pack.yaml languages [{string.Join(", ", languages)}].");
                    continue;
                }
                if (Read(path, $"{pack}/{glossaryName}", problems) is not { } terms)
                {
                    continue;
                }
                foreach (var english in Directory.GetFiles(folder, "*.md").Where(f => !TranslationFile().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal))
                {
                    var translatedPath = Path.ChangeExtension(english, null) + "." + language + ".md";
                    if (!File.Exists(translatedPath))
                    {
                        continue;
                    }
                    var englishBody = Body(File.ReadAllText(english));
                    var translatedBody = Body(File.ReadAllText(translatedPath));
                    foreach (var (term, translation) in terms)
                    {
                        if (Finds(englishBody, term, wholeWords: true) && !Finds(translatedBody, translation, wholeWords: !language.StartsWith("zh", StringComparison.Ordinal)))
                        {
                            problems.Add($"{pack}/{Path.GetFileName(translatedPath)}: {glossaryName} term '{term}' appears in {Path.GetFileName(english)}, but its translation '{translation}' is not in {Path.GetFileName(translatedPath)}.");
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static List<(string Term, string Translation)>? Read(string path, string name, List<string> problems)
    {
        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            if (stream.Documents.Count != 1)
            {
                problems.Add($"{name}: must be exactly one YAML document (a mapping of English term to translation).");
                return null;
            }
            root = stream.Documents[0].RootNode;
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            problems.Add($"{name}:{ex.Start.Line}: does not parse as YAML: {ex.Message}");
            return null;
        }
        if (root is not YamlMappingNode mapping)
        {
            problems.Add($"{name}: must be a YAML mapping, one 'english term: translation' per line.");
            return null;
        }
        var terms = new List<(string, string)>();
        foreach (var (key, value) in mapping.Children)
        {
            var term = (key as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(term))
            {
                problems.Add($"{name}:{key.Start.Line}: a term must be plain, non-empty text.");
                continue;
            }
            if (value is not YamlScalarNode scalar)
            {
                problems.Add($"{name}:{value.Start.Line}: the translation of '{term}' must be plain text, not a list or mapping.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(scalar.Value))
            {
                problems.Add($"{name}:{key.Start.Line}: '{term}' has an empty translation.");
                continue;
            }
            terms.Add((term, scalar.Value.Trim()));
        }
        return terms;
    }

    private static IReadOnlyList<string> PackLanguages(string folder)
    {
        var manifest = Path.Combine(folder, "pack.yaml");
        if (!File.Exists(manifest))
        {
            return [];
        }
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(manifest)));
        return stream.Documents.Count == 1
            && stream.Documents[0].RootNode is YamlMappingNode map
            && map.Children.TryGetValue(new YamlScalarNode("languages"), out var node)
            && node is YamlSequenceNode list
                ? list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
                : [];
    }

    /// <summary>The Markdown after the front matter (the lines between the first two '---' lines).</summary>
    private static string Body(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var close = lines.Length > 0 && lines[0].TrimEnd() == "---" ? Array.FindIndex(lines, 1, l => l.TrimEnd() == "---") : -1;
        return close < 0 ? string.Join('\n', lines) : string.Join('\n', lines[(close + 1)..]);
    }

    private static bool Finds(string text, string phrase, bool wholeWords)
    {
        var pattern = string.Join(@"\s+", phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
        if (wholeWords)
        {
            pattern = $@"(?<!\w){pattern}(?!\w)";
        }
        return Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"^glossary\.(?<lang>[a-z]{2,3}(-[A-Z][a-z]{3})?)\.yaml$")]
    private static partial Regex GlossaryFile();

    [GeneratedRegex(@"\.[a-z]{2,3}(-[A-Z][a-z]{3})?\.md$")]
    private static partial Regex TranslationFile();
}
