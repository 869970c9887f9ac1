using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>A folder that holds packs, one sub-folder each (or one pack itself, when it has a pack.yaml).</summary>
public sealed record PackSource(string Folder, bool IsBuiltIn);

/// <summary>
/// Every pack the app serves. Packs with problems are listed in <see cref="Refused"/> (for admins) and serve nothing;
/// a pack whose id or module ids clash with an earlier pack is refused too. What it serves is one immutable snapshot,
/// replaced whole by <see cref="ReplaceWith"/> (watch mode), so a reader never sees half a reload.
/// </summary>
public sealed class ContentCatalogue
{
    private volatile CatalogueSnapshot _current;

    private ContentCatalogue(CatalogueSnapshot snapshot) => _current = snapshot;

    public IReadOnlyList<ContentPack> Packs => _current.Packs;

    /// <summary>Pack folders that serve nothing, with every problem.</summary>
    public IReadOnlyList<PackLoadResult> Refused => _current.Refused;

    /// <summary>
    /// Pack folders whose latest version has problems while their last working version is still served: each result
    /// holds that served pack and the problems of the newer files.
    /// </summary>
    public IReadOnlyList<PackLoadResult> HeldBack => _current.HeldBack;

    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "Packs");

    public LocalizedModule? FindModule(string? id) => id is not null && _current.Modules.TryGetValue(id, out var module) ? module : null;

    public ContentPack? FindPackOf(string moduleId) => _current.Packs.FirstOrDefault(p => p.Modules.Any(m => m.Id == moduleId));

    /// <summary>The folder a served pack was loaded from.</summary>
    public string? FolderOf(ContentPack pack) => _current.Served.FirstOrDefault(s => ReferenceEquals(s.Pack, pack)).Folder;

    public static ContentCatalogue Load(IEnumerable<PackSource> sources) => new(CatalogueSnapshot.Load(sources));

    /// <summary>The packs of already loaded results, in order: a result with problems, or one that clashes with an earlier pack, is refused.</summary>
    public static ContentCatalogue Compose(IEnumerable<PackLoadResult> results) => new(CatalogueSnapshot.Compose(results));

    /// <summary>Loads every pack folder of the sources (each result on its own; nothing is composed yet).</summary>
    public static IReadOnlyList<PackLoadResult> LoadEach(IEnumerable<PackSource> sources) => [.. CatalogueSnapshot.LoadAll(sources)];

    /// <summary>
    /// Serves what <paramref name="next"/> serves, in one step, except that a pack folder <paramref name="next"/> refuses
    /// keeps its currently served version (listed in <see cref="HeldBack"/> with the new problems) when that version still
    /// fits beside the others: a broken edit never replaces a working pack. Once the folder loads again, its new version
    /// replaces the old and the problems clear.
    /// </summary>
    public void ReplaceWith(ContentCatalogue next)
    {
        ArgumentNullException.ThrowIfNull(next);
        _current = _current.KeepWorkingPacks(next._current);
    }
}
