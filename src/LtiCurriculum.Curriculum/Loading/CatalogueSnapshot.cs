using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>One immutable state of the <see cref="ContentCatalogue"/>: the served packs (with their folders), the refused and the held back.</summary>
internal sealed record CatalogueSnapshot(
    IReadOnlyList<ContentPack> Packs,
    IReadOnlyList<PackLoadResult> Refused,
    IReadOnlyList<PackLoadResult> HeldBack,
    IReadOnlyDictionary<string, LocalizedModule> Modules,
    IReadOnlyList<(string Folder, ContentPack Pack)> Served)
{
    public static CatalogueSnapshot Load(IEnumerable<PackSource> sources) => Compose(LoadAll(sources));

    /// <summary>Every pack folder of the sources, loaded in order; a source that cannot be read is one refused result.</summary>
    public static IEnumerable<PackLoadResult> LoadAll(IEnumerable<PackSource> sources)
    {
        foreach (var source in sources)
        {
            var unreadable = new List<PackLoadResult>();
            var folders = PackFolders(source, unreadable);
            foreach (var refused in unreadable)
            {
                yield return refused;
            }
            foreach (var folder in folders)
            {
                yield return PackLoader.Load(folder, source.IsBuiltIn);
            }
        }
    }

    /// <summary>Serves the loaded packs in order; a pack whose id or module ids clash with an earlier one is refused.</summary>
    public static CatalogueSnapshot Compose(IEnumerable<PackLoadResult> results)
    {
        var builder = new Builder();
        foreach (var result in results)
        {
            if (result.Pack is not { } pack)
            {
                builder.Refused.Add(result);
                continue;
            }
            var clashes = builder.Clashes(pack);
            if (clashes.Count > 0)
            {
                builder.Refused.Add(result with { Pack = null, Problems = clashes });
                continue;
            }
            builder.Add(result.Folder, pack);
        }
        return builder.Build([]);
    }

    /// <summary><paramref name="next"/>, with each folder it refuses still serving the pack this snapshot serves from it, when that pack fits.</summary>
    public CatalogueSnapshot KeepWorkingPacks(CatalogueSnapshot next)
    {
        var builder = new Builder();
        foreach (var (folder, pack) in next.Served)
        {
            builder.Add(folder, pack);
        }
        var heldBack = new List<PackLoadResult>();
        foreach (var refused in next.Refused)
        {
            if (Served.FirstOrDefault(s => s.Folder == refused.Folder).Pack is { } working && builder.Clashes(working).Count == 0)
            {
                builder.Add(refused.Folder, working);
                heldBack.Add(refused with { Pack = working });
            }
            else
            {
                builder.Refused.Add(refused);
            }
        }
        return builder.Build(heldBack);
    }

    private sealed class Builder
    {
        private readonly List<(string Folder, ContentPack Pack)> _packs = [];
        private readonly Dictionary<string, LocalizedModule> _modules = new(StringComparer.Ordinal);

        public List<PackLoadResult> Refused { get; } = [];

        public void Add(string folder, ContentPack pack)
        {
            _packs.Add((folder, pack));
            foreach (var module in pack.Modules)
            {
                _modules[module.Id] = module;
            }
        }

        public List<PackProblem> Clashes(ContentPack pack)
        {
            var problems = new List<PackProblem>();
            if (_packs.Any(p => p.Pack.Id == pack.Id))
            {
                problems.Add(new PackProblem(pack.Id, "pack.yaml", 0, $"Another pack already has the id '{pack.Id}'."));
            }
            foreach (var module in pack.Modules.Where(m => _modules.ContainsKey(m.Id)))
            {
                problems.Add(new PackProblem(pack.Id, "", 0, $"Module id '{module.Id}' is already used by pack '{_modules[module.Id].English.PackId}'; module ids must be unique across packs."));
            }
            return problems;
        }

        public CatalogueSnapshot Build(IReadOnlyList<PackLoadResult> heldBack) =>
            new([.. _packs.Select(p => p.Pack)], [.. Refused], heldBack, _modules, [.. _packs]);
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
