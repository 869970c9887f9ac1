using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Packs;

/// <summary>
/// Every pack the tool knows, wherever it comes from (built in, <c>Curriculum:PackFolder</c>, uploaded into the
/// database), with what administrators decided about it (disabled, removed). It composes the
/// <see cref="ContentCatalogue"/> that serves new launches: the enabled packs, built-in first, then the folder's,
/// then the uploaded ones by id. Folder packs are read once at start (and on every save in watch mode); the
/// database part is read at start, after each change on this instance, and every <see cref="PackRefresher.Interval"/>
/// so that every instance serves the same packs.
/// </summary>
public sealed partial class PackLibrary
{
    /// <summary>Where an uploaded pack's results say they come from (there is no folder).</summary>
    public const string UploadLabelPrefix = "upload:";

    private readonly Func<IReadOnlyList<PackSource>> _sources;
    private readonly IDbContextFactory<LtiDbContext> _contexts;
    private readonly ILogger<PackLibrary> _logger;
    private readonly Lock _gate = new();
    private IReadOnlyList<LoadedPack> _folderPacks;
    private IReadOnlyList<StoredState> _states = [];
    private Dictionary<string, LoadedPack> _uploaded = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<PackEntry> _entries = [];
    private volatile IReadOnlyList<LoadedPack> _known = [];

    public PackLibrary(Func<IReadOnlyList<PackSource>> sources, IDbContextFactory<LtiDbContext> contexts, ILogger<PackLibrary> logger)
    {
        _sources = sources;
        _contexts = contexts;
        _logger = logger;
        _folderPacks = LoadFolders(sources());
        var (catalogue, entries, known) = Compose();
        Catalogue = catalogue;
        _entries = entries;
        _known = known;
        foreach (var refused in catalogue.Refused)
        {
            LogRefused(refused.Folder, string.Join(Environment.NewLine, refused.Problems));
        }
    }

    /// <summary>What serves learners and instructors; replaced whole when packs change, never rebuilt in place.</summary>
    public ContentCatalogue Catalogue { get; }

    /// <summary>Every known pack in serving order, served or not, for the administrators' list.</summary>
    public IReadOnlyList<PackEntry> Entries => _entries;

    public PackEntry? Find(string id) => _entries.FirstOrDefault(e => e.Id == id);

    /// <summary>The loaded pack (served or not) holding exactly this module version, with the files it was loaded from.</summary>
    internal LoadedPack? HolderOf(string moduleId, string version) =>
        _known.FirstOrDefault(k => k.Result.Pack?.Modules.Any(m => m.Id == moduleId && m.Version == version) == true);

    /// <summary>Reads the folder packs again and serves them (watch mode); a folder whose new files are broken keeps its working pack.</summary>
    public void ReloadFolders()
    {
        var folders = LoadFolders(_sources());
        lock (_gate)
        {
            _folderPacks = folders;
            Publish();
        }
    }

    /// <summary>Reads what administrators decided and uploaded from the database and serves it; unchanged uploads are not parsed again.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var states = await db.ContentPacks.AsNoTracking()
            .Select(p => new StoredState(p.Id, p.ArchiveHash, p.IsDisabled, p.RemovedAt != null, p.ChangedBy, p.UpdatedAt))
            .ToListAsync(cancellationToken);
        states.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        if (_states.SequenceEqual(states))
        {
            return;
        }
        var uploaded = new Dictionary<string, LoadedPack>(StringComparer.Ordinal);
        foreach (var state in states.Where(s => s.ArchiveHash is not null))
        {
            if (_uploaded.TryGetValue(state.Id, out var known) && known.Hash == state.ArchiveHash)
            {
                uploaded[state.Id] = known;
                continue;
            }
            var archive = await db.ContentPacks.AsNoTracking().Where(p => p.Id == state.Id).Select(p => p.Archive).FirstOrDefaultAsync(cancellationToken);
            uploaded[state.Id] = LoadUploaded(state.Id, archive);
        }
        lock (_gate)
        {
            _states = states;
            _uploaded = uploaded;
            Publish();
        }
    }

    /// <summary>An uploaded pack from its stored archive (validated when it was uploaded; read again with the same limits).</summary>
    internal static LoadedPack LoadUploaded(string id, byte[]? archive)
    {
        var label = UploadLabelPrefix + id;
        if (archive is null)
        {
            return new LoadedPack(new PackLoadResult(label, null, [new PackProblem(id, "", 0, "The stored pack has no files.")]), PackOrigin.Uploaded, null, null);
        }
        using var stream = new MemoryStream(archive, writable: false);
        var read = PackArchive.Read(stream, new PackArchiveLimits());
        if (!read.Ok)
        {
            return new LoadedPack(new PackLoadResult(label, null, read.Problems), PackOrigin.Uploaded, null, null);
        }
        return new LoadedPack(PackArchive.Load(read.Files!, label, isBuiltIn: false), PackOrigin.Uploaded, read.Files, PackArchive.HashOf(read.Files!));
    }

    private void Publish()
    {
        var (catalogue, entries, known) = Compose();
        Catalogue.ReplaceWith(catalogue);
        _entries = entries;
        _known = known;
        LogServing(Catalogue.Packs.Count, Catalogue.Packs.Sum(p => p.Modules.Count), entries.Count(e => !e.IsServed));
    }

    private (ContentCatalogue Catalogue, IReadOnlyList<PackEntry> Entries, IReadOnlyList<LoadedPack> Known) Compose()
    {
        var states = _states.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var all = _folderPacks.Concat(_uploaded.Values.OrderBy(u => u.Result.Pack?.Id ?? u.Result.Folder, StringComparer.Ordinal)).ToList();
        bool Withheld(LoadedPack loaded) => loaded.Result.Pack is { } pack && states.TryGetValue(pack.Id, out var state) && (state.IsDisabled || state.IsRemoved);
        var catalogue = ContentCatalogue.Compose(all.Where(p => !Withheld(p)).Select(p => p.Result));
        var refusedByFolder = catalogue.Refused.ToDictionary(r => r.Folder, r => r.Problems, StringComparer.Ordinal);
        var entries = all.Select(loaded =>
        {
            var pack = loaded.Result.Pack;
            var id = pack?.Id ?? (loaded.Origin == PackOrigin.Uploaded ? loaded.Result.Folder[UploadLabelPrefix.Length..] : Path.GetFileName(loaded.Result.Folder));
            states.TryGetValue(id, out var state);
            var problems = refusedByFolder.TryGetValue(loaded.Result.Folder, out var refused) ? refused : loaded.Result.Problems;
            return new PackEntry(id, loaded.Origin, pack, problems, state?.IsDisabled ?? false, state?.IsRemoved ?? false, state?.ChangedBy, state?.ChangedAt);
        }).ToList();
        return (catalogue, entries, all);
    }

    private static List<LoadedPack> LoadFolders(IReadOnlyList<PackSource> sources)
    {
        var loaded = new List<LoadedPack>();
        foreach (var source in sources)
        {
            foreach (var result in ContentCatalogue.LoadEach([source]))
            {
                var files = result.Pack is null ? null : PackArchive.FilesOf(result.Folder);
                loaded.Add(new LoadedPack(result, source.IsBuiltIn ? PackOrigin.BuiltIn : PackOrigin.Folder, files, files is null ? null : PackArchive.HashOf(files)));
            }
        }
        return loaded;
    }

    /// <summary>A pack as loaded, with the files it came from (kept to store the version attempts begin on).</summary>
    internal sealed record LoadedPack(PackLoadResult Result, PackOrigin Origin, IReadOnlyDictionary<string, byte[]>? Files, string? Hash);

    private sealed record StoredState(string Id, string? ArchiveHash, bool IsDisabled, bool IsRemoved, string? ChangedBy, DateTimeOffset ChangedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content pack in {Folder} was refused and serves nothing: {Problems}")]
    private partial void LogRefused(string folder, string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content catalogue: serving {Packs} packs, {Modules} modules; {Withheld} packs known but not served.")]
    private partial void LogServing(int packs, int modules, int withheld);
}
