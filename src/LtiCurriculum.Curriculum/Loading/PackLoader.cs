using System.Text.RegularExpressions;
using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>What loading one pack folder gave: the pack, or every problem that refused it.</summary>
public sealed record PackLoadResult(string Folder, ContentPack? Pack, IReadOnlyList<PackProblem> Problems)
{
    public bool Loaded => Pack is not null;
}

/// <summary>
/// Loads one pack folder all or nothing. Never throws: unreadable files, broken YAML, hostile or truncated
/// input all come back as problems with pack, file and line.
/// </summary>
public static partial class PackLoader
{
    public const int MaxFileBytes = 1_000_000;
    public const int MaxModuleFiles = 200;
    private static readonly string[] Audiences = ["faculty", "students", "residents", "mixed"];

    public static PackLoadResult Load(string folder, bool isBuiltIn)
    {
        var problems = new List<PackProblem>();
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        try
        {
            var pack = LoadPack(folder, name, isBuiltIn, problems);
            return new PackLoadResult(folder, problems.Count == 0 ? pack : null, problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problems.Add(new PackProblem(name, "", 0, $"The pack folder could not be read: {ex.Message}"));
        }
        catch (Exception ex)
        {
            // The loader's promise is "problems, not exceptions": a parser bug must not take the app down.
            problems.Add(new PackProblem(name, "", 0, $"The pack could not be loaded ({ex.GetType().Name}: {ex.Message})."));
        }
        return new PackLoadResult(folder, null, problems);
    }

    private static ContentPack? LoadPack(string folder, string name, bool isBuiltIn, List<PackProblem> problems)
    {
        var manifestPath = Path.Combine(folder, "pack.yaml");
        if (!File.Exists(manifestPath))
        {
            problems.Add(new PackProblem(name, "pack.yaml", 0, "The folder has no pack.yaml."));
            return null;
        }
        var manifestSink = new ProblemSink(name, "pack.yaml", problems);
        var manifest = ReadManifest(ReadText(manifestPath, manifestSink), manifestSink);
        if (manifest is null)
        {
            return null;
        }
        var packName = manifest.Id;

        var files = Directory.GetFiles(folder, "*.md").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        if (files.Count > MaxModuleFiles)
        {
            problems.Add(new PackProblem(packName, "", 0, $"The pack has {files.Count} Markdown files; at most {MaxModuleFiles} are allowed."));
            return null;
        }

        var english = new List<(string File, Module Module, ModuleSource Source)>();
        var translations = new List<(string File, string BaseFile, string Language, Module Module, ModuleSource Source)>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var sink = new ProblemSink(packName, file, problems);
            var match = TranslationFile().Match(file);
            var language = match.Success ? match.Groups["lang"].Value : "en";
            if (match.Success && language == "en")
            {
                sink.Add(0, "English is the file without a language code; rename this file or give it another language.");
                continue;
            }
            if (match.Success && !manifest.Languages.Contains(language))
            {
                sink.Add(0, $"Translation into '{language}' is not listed in pack.yaml languages.");
                continue;
            }
            var text = ReadText(Path.Combine(folder, file), sink);
            var source = new ModuleSource();
            if (text is null || ModuleParser.Parse(text, packName, language, sink, source) is not { } module)
            {
                continue;
            }
            texts[file] = text;
            if (match.Success)
            {
                translations.Add((file, match.Groups["name"].Value + ".md", language, module, source));
            }
            else
            {
                english.Add((file, module, source));
            }
        }
        if (files.Count == 0 || english.Count == 0 && problems.Count == 0)
        {
            problems.Add(new PackProblem(packName, "", 0, "The pack has no module files (*.md)."));
        }

        CheckUniqueIds(packName, english, problems);
        var modules = new List<LocalizedModule>();
        foreach (var (file, module, _) in english)
        {
            var translated = new Dictionary<string, Module>(StringComparer.Ordinal);
            foreach (var t in translations.Where(t => t.BaseFile == file))
            {
                TranslationCheck.Compare(module, t.Module, t.Source, new ProblemSink(packName, t.File, problems));
                translated[t.Language] = t.Module;
            }
            var version = ModuleVersion.Of(texts[file], translations.Where(t => t.BaseFile == file).Select(t => (t.Language, texts[t.File])));
            modules.Add(new LocalizedModule(module, translated) { Version = version });
        }
        // Against the files, not the parsed modules: an English file with errors is reported as such, not as missing.
        foreach (var orphan in translations.Where(t => !files.Contains(t.BaseFile)))
        {
            problems.Add(new PackProblem(packName, orphan.File, 0, $"Translation of '{orphan.BaseFile}', which does not exist."));
        }
        foreach (var language in manifest.Languages.Where(l => l != "en"))
        {
            if (!files.Any(f => TranslationFile().Match(f) is { Success: true } m && m.Groups["lang"].Value == language))
            {
                problems.Add(new PackProblem(packName, "pack.yaml", 0, $"pack.yaml lists language '{language}' but no module is translated into it."));
            }
        }
        return new ContentPack(manifest.Id, manifest.Title, manifest.Audience, manifest.Version, manifest.Languages, manifest.Licence, manifest.Authors, isBuiltIn, modules);
    }

    private static void CheckUniqueIds(string pack, List<(string File, Module Module, ModuleSource Source)> modules, List<PackProblem> problems)
    {
        var moduleIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var questionIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, module, source) in modules)
        {
            if (!moduleIds.TryAdd(module.Id, file))
            {
                problems.Add(new PackProblem(pack, file, source.FrontLine("id"), $"Duplicate module id '{module.Id}' (also in {moduleIds[module.Id]})."));
            }
            for (var i = 0; i < module.Questions.Count; i++)
            {
                var question = module.Questions[i];
                if (!questionIds.TryAdd(question.Id, file))
                {
                    problems.Add(new PackProblem(pack, file, source.QuestionLines[i], $"Duplicate question id '{question.Id}' (also in {questionIds[question.Id]})."));
                }
            }
        }
    }

    private sealed record Manifest(string Id, string Title, string Audience, string Version, IReadOnlyList<string> Languages, string Licence, IReadOnlyList<string> Authors);

    private static Manifest? ReadManifest(string? text, ProblemSink problems)
    {
        if (text is null)
        {
            return null;
        }
        var before = problems.Count;
        if (YamlMap.From(YamlText.Parse(text, problems, "pack.yaml"), problems, "pack.yaml") is not { } map)
        {
            return null;
        }
        var id = map.String("id", required: true, 64);
        if (id is not null && !QuestionReader.IsId(id))
        {
            problems.Add(map.LineOf("id"), $"Pack id '{id}' must be 1-64 lower-case letters, digits, '-', '_' or '.'.");
        }
        var title = map.String("title", required: true, 300);
        var audience = map.Choice("audience", Audiences, required: true);
        var version = map.String("version", required: true, 40);
        var languages = map.StringList("languages", required: true, 20, 10);
        if (languages.Count > 0 && !languages.Contains("en"))
        {
            problems.Add(map.LineOf("languages"), "pack.yaml languages must include 'en': English is what every learner can fall back to.");
        }
        foreach (var language in languages.Where(l => !LanguageCode().IsMatch(l)))
        {
            problems.Add(map.LineOf("languages"), $"'{language}' is not a language code like en, es or zh-Hans.");
        }
        var licence = map.String("licence", required: true, 100);
        var authors = map.StringList("authors", required: true, 50, 300);
        map.ReportUnknownKeys();
        return problems.Count == before ? new Manifest(id!, title!, audience, version!, languages, licence!, authors) : null;
    }

    private static string? ReadText(string path, ProblemSink problems)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxFileBytes)
        {
            problems.Add(0, $"The file is {info.Length:N0} bytes; at most {MaxFileBytes:N0} are allowed.");
            return null;
        }
        var bytes = File.ReadAllBytes(path);
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            problems.Add(0, "The file is not valid UTF-8 text.");
            return null;
        }
    }

    [GeneratedRegex(@"^(?<name>.+)\.(?<lang>[a-z]{2,3}(-[A-Z][a-z]{3})?)\.md$")]
    private static partial Regex TranslationFile();

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Z][a-z]{3})?$")]
    private static partial Regex LanguageCode();
}
