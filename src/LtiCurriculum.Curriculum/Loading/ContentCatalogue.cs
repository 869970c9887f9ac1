using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>A folder that holds packs, one sub-folder each (or one pack itself, when it has a pack.yaml).</summary>
public sealed record PackSource(string Folder, bool IsBuiltIn);

/// <summary>
/// Every pack the app serves, found once at start. Packs with problems are listed in <see cref="Refused"/>
/// (for admins) and serve nothing; a pack whose id or module ids clash with an earlier pack is refused too.
/// </summary>
public sealed class ContentCatalogue
{
    private readonly Dictionary<string, LocalizedModule> _modules;

    private ContentCatalogue(IReadOnlyList<ContentPack> packs, IReadOnlyList<PackLoadResult> refused, Dictionary<string, LocalizedModule> modules)
    {
        Packs = packs;
        Refused = refused;
        _modules = modules;
    }

    public IReadOnlyList<ContentPack> Packs { get; }
    public IReadOnlyList<PackLoadResult> Refused { get; }

    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "Packs");

    public LocalizedModule? FindModule(string? id) => id is not null && _modules.TryGetValue(id, out var module) ? module : null;

    public ContentPack? FindPackOf(string moduleId) => Packs.FirstOrDefault(p => p.Modules.Any(m => m.Id == moduleId));

    public static ContentCatalogue Load(IEnumerable<PackSource> sources)
    {
        var packs = new List<ContentPack>();
        var refused = new List<PackLoadResult>();
        var modules = new Dictionary<string, LocalizedModule>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var folder in PackFolders(source, refused))
            {
                var result = PackLoader.Load(folder, source.IsBuiltIn);
                if (result.Pack is not { } pack)
                {
                    refused.Add(result);
                    continue;
                }
                var clashes = Clashes(pack, packs, modules);
                if (clashes.Count > 0)
                {
                    refused.Add(result with { Pack = null, Problems = clashes });
                    continue;
                }
                packs.Add(pack);
                foreach (var module in pack.Modules)
                {
                    modules[module.Id] = module;
                }
            }
        }
        return new ContentCatalogue(packs, refused, modules);
    }

    private static List<PackProblem> Clashes(ContentPack pack, List<ContentPack> loaded, Dictionary<string, LocalizedModule> modules)
    {
        var problems = new List<PackProblem>();
        if (loaded.FirstOrDefault(p => p.Id == pack.Id) is not null)
        {
            problems.Add(new PackProblem(pack.Id, "pack.yaml", 0, $"Another pack already has the id '{pack.Id}'."));
        }
        foreach (var module in pack.Modules.Where(m => modules.ContainsKey(m.Id)))
        {
            problems.Add(new PackProblem(pack.Id, "", 0, $"Module id '{module.Id}' is already used by pack '{modules[module.Id].English.PackId}'; module ids must be unique across packs."));
        }
        return problems;
    }

    private static IEnumerable<string> PackFolders(PackSource source, List<PackLoadResult> refused)
    {
        string[] folders;
        try
        {
            if (!Directory.Exists(source.Folder))
            {
                refused.Add(new PackLoadResult(source.Folder, null, [new PackProblem(Path.GetFileName(source.Folder), "", 0, $"The pack folder '{source.Folder}' does not exist.")]));
                return [];
            }
            if (File.Exists(Path.Combine(source.Folder, "pack.yaml")))
            {
                return [source.Folder];
            }
            folders = Directory.GetDirectories(source.Folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            refused.Add(new PackLoadResult(source.Folder, null, [new PackProblem(Path.GetFileName(source.Folder), "", 0, $"The pack folder could not be read: {ex.Message}")]));
            return [];
        }
        // Hidden folders (.git, .vscode) are not packs.
        folders = folders.Where(f => !Path.GetFileName(f).StartsWith('.')).ToArray();
        Array.Sort(folders, StringComparer.Ordinal);
        return folders;
    }
}
