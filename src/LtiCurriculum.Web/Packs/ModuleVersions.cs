using System.Collections.Concurrent;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Packs;

/// <summary>
/// Every module version an attempt began on stays available: before an attempt starts, the pack version holding its
/// module is stored in the database (once per version); an attempt on a version no pack serves any more (the pack was
/// updated, disabled or removed, here or on another instance) is shown, answered and scored from that stored copy.
/// </summary>
public sealed partial class ModuleVersions(
    PackLibrary library, IDbContextFactory<LtiDbContext> contexts, WriteTransactions writes, TimeProvider time, IConfiguration configuration, ILogger<ModuleVersions> logger)
{
    // Watch mode is an author's preview: every save should show at once, also in the attempt the author has open.
    private readonly bool _followServed = configuration.GetValue<bool>(Authoring.PackWatchServiceCollectionExtensions.WatchSetting);
    private const int MaxEarlierVersions = 64;
    private readonly ConcurrentDictionary<string, bool> _stored = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string ModuleId, string Version), LocalizedModule?> _earlier = new();

    /// <summary>
    /// The module at this version: the served one when it matches, else a known pack's (a disabled pack), else the stored
    /// copy; the served one again when no copy exists (logged), null when there is none at all. A null <paramref name="version"/> (attempts from before versions) means the served module, and so does watch mode (an author previewing each save).
    /// </summary>
    public async ValueTask<LocalizedModule?> FindAsync(string moduleId, string? version, CancellationToken cancellationToken)
    {
        var served = library.Catalogue.FindModule(moduleId);
        if (version is null || served?.Version == version || _followServed && served is not null)
        {
            return served;
        }
        if (library.HolderOf(moduleId, version)?.Result.Pack?.Modules.First(m => m.Id == moduleId) is { } known)
        {
            return known;
        }
        if (!_earlier.TryGetValue((moduleId, version), out var stored))
        {
            stored = await LoadStoredAsync(moduleId, version, cancellationToken);
            if (_earlier.Count >= MaxEarlierVersions)
            {
                _earlier.Clear();
            }
            _earlier[(moduleId, version)] = stored;
        }
        return stored ?? served;
    }

    /// <summary>Makes sure the pack version holding <paramref name="module"/> is in the database, so attempts on it outlive the pack's changes.</summary>
    public async ValueTask EnsureStoredAsync(LocalizedModule module, CancellationToken cancellationToken)
    {
        if (_stored.ContainsKey(module.Version))
        {
            return;
        }
        if (library.HolderOf(module.Id, module.Version) is not { Files: { } files, Hash: { } hash, Result.Pack: { } pack })
        {
            return;
        }
        await StoreAsync(pack, files, hash, cancellationToken);
    }

    /// <summary>Stores a pack version and its module versions unless they are stored already (by this or another instance).</summary>
    internal async Task StoreAsync(ContentPack pack, IReadOnlyDictionary<string, byte[]> files, string hash, CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            try
            {
                await writes.RunAsync(db, async ct =>
                {
                    if (!await db.PackVersions.AnyAsync(v => v.Hash == hash, ct))
                    {
                        db.PackVersions.Add(new PackVersionEntity { Hash = hash, PackId = pack.Id, Archive = PackArchive.Write(files), CreatedAt = time.GetUtcNow() });
                    }
                    var ids = pack.Modules.Select(m => m.Id).ToList();
                    var known = await db.ModuleVersions.Where(v => ids.Contains(v.ModuleId)).Select(v => new { v.ModuleId, v.Version }).ToListAsync(ct);
                    foreach (var module in pack.Modules.Where(m => !known.Any(k => k.ModuleId == m.Id && k.Version == m.Version)))
                    {
                        db.ModuleVersions.Add(new ModuleVersionEntity { ModuleId = module.Id, Version = module.Version, PackHash = hash });
                    }
                    return await db.SaveChangesAsync(ct);
                }, cancellationToken);
                break;
            }
            catch (DbUpdateException) when (round < 3)
            {
                // Another instance stored the same version a moment ago; the next round finds it.
            }
        }
        foreach (var module in pack.Modules)
        {
            _stored[module.Version] = true;
        }
    }

    private async Task<LocalizedModule?> LoadStoredAsync(string moduleId, string version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var archive = await db.ModuleVersions.AsNoTracking()
            .Where(v => v.ModuleId == moduleId && v.Version == version)
            .Join(db.PackVersions, v => v.PackHash, p => p.Hash, (v, p) => p.Archive)
            .FirstOrDefaultAsync(cancellationToken);
        if (archive is null)
        {
            LogVersionMissing(moduleId, version);
            return null;
        }
        var loaded = PackLibrary.LoadUploaded(moduleId, archive);
        var module = loaded.Result.Pack?.Modules.FirstOrDefault(m => m.Id == moduleId && m.Version == version);
        if (module is null)
        {
            LogVersionUnreadable(moduleId, version, string.Join("; ", loaded.Result.Problems));
        }
        return module;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Module {ModuleId} version {Version} is neither served nor stored; its attempts are shown on the served version.")]
    private partial void LogVersionMissing(string moduleId, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored copy of module {ModuleId} version {Version} does not load: {Problems}")]
    private partial void LogVersionUnreadable(string moduleId, string version, string problems);
}
