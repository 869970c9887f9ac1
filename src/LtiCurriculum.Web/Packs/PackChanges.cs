using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Install.Audit;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Packs;

/// <summary>What an upload gave: the installed pack's entry, or every problem that refused it (nothing changed then).</summary>
public sealed record UploadOutcome(PackEntry? Installed, bool Replaced, IReadOnlyList<PackProblem> Problems);

/// <summary>
/// The administrators' changes to the pack library, each audited in its own transaction and then served by this
/// instance at once (others within <see cref="PackRefresher.Interval"/>). Nothing here deletes an attempt or an
/// answer: a disabled or removed pack only stops new attempts; open ones go on with the version they began on.
/// </summary>
public sealed class PackChanges(
    PackLibrary library, ModuleVersions versions, IDbContextFactory<LtiDbContext> contexts, WriteTransactions writes,
    AuditLog audit, TimeProvider time, PackUploadLimits limits)
{
    /// <summary>Validates the zip whole and installs it (a new pack, or a new version of an uploaded pack with the same id).</summary>
    public async Task<UploadOutcome> UploadAsync(Stream zip, string changedBy, CancellationToken cancellationToken)
    {
        var read = PackArchive.Read(zip, limits.Archive);
        if (read.Files is null)
        {
            return new UploadOutcome(null, false, read.Problems);
        }
        // The files that passed are checked as a pack too, so the list names every problem of the upload at once.
        var loaded = PackArchive.Load(read.Files, "upload", isBuiltIn: false);
        if (!read.Ok || loaded.Pack is not { } pack)
        {
            return new UploadOutcome(null, false, [.. read.Problems, .. loaded.Problems]);
        }
        var clashes = Clashes(pack);
        if (clashes.Count > 0)
        {
            return new UploadOutcome(null, false, clashes);
        }
        var hash = PackArchive.HashOf(read.Files!);
        var archive = PackArchive.Write(read.Files!);
        var replaced = false;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            replaced = await writes.RunAsync(db, async ct =>
            {
                var row = await db.ContentPacks.FirstOrDefaultAsync(p => p.Id == pack.Id, ct);
                var existed = row is not null;
                if (row is null)
                {
                    row = new ContentPackEntity { Id = pack.Id };
                    db.ContentPacks.Add(row);
                }
                row.Archive = archive;
                row.ArchiveHash = hash;
                row.RemovedAt = null;
                row.ChangedBy = changedBy;
                row.UpdatedAt = time.GetUtcNow();
                audit.Add(db, "admin", existed ? "packs update" : "packs upload", pack.Id,
                    $"version {pack.Version}; {pack.Modules.Count} modules ({string.Join(", ", pack.Modules.Select(m => $"{m.Id}@{m.Version}"))}); by {changedBy}");
                await db.SaveChangesAsync(ct);
                return existed;
            }, cancellationToken);
        }
        await versions.StoreAsync(pack, read.Files!, hash, cancellationToken);
        await library.RefreshAsync(cancellationToken);
        return new UploadOutcome(library.Find(pack.Id), replaced, []);
    }

    /// <summary>Stops (or resumes) serving a pack to new attempts.</summary>
    public Task<bool> SetDisabledAsync(string id, bool disabled, string changedBy, CancellationToken cancellationToken) =>
        ChangeAsync(id, disabled ? "packs disable" : "packs enable", changedBy, row => row.IsDisabled = disabled, cancellationToken);

    /// <summary>
    /// Removes a pack: an uploaded pack's files leave the library (stored versions stay for attempts begun on them); a
    /// built-in or folder pack is withheld until restored. Attempts and answers are never deleted.
    /// </summary>
    public async Task<bool> RemoveAsync(string id, string changedBy, CancellationToken cancellationToken)
    {
        if (library.Find(id) is not { } entry)
        {
            return false;
        }
        if (entry.Origin != PackOrigin.Uploaded)
        {
            return await ChangeAsync(id, "packs remove", changedBy, row => row.RemovedAt = time.GetUtcNow(), cancellationToken);
        }
        // The version attempts began on is stored before they begin; storing the current one again is harmless.
        foreach (var module in entry.Pack?.Modules ?? [])
        {
            await versions.EnsureStoredAsync(module, cancellationToken);
        }
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await writes.RunAsync(db, async ct =>
            {
                await db.ContentPacks.Where(p => p.Id == id).ExecuteDeleteAsync(ct);
                audit.Add(db, "admin", "packs remove", id, $"uploaded pack removed by {changedBy}");
                return await db.SaveChangesAsync(ct);
            }, cancellationToken);
        }
        await library.RefreshAsync(cancellationToken);
        return true;
    }

    /// <summary>Serves a removed built-in or folder pack again.</summary>
    public Task<bool> RestoreAsync(string id, string changedBy, CancellationToken cancellationToken) =>
        ChangeAsync(id, "packs restore", changedBy, row => row.RemovedAt = null, cancellationToken);

    /// <summary>Attempts still open on the pack's modules (any version), which removing or disabling it leaves to finish.</summary>
    public async Task<int> OpenAttemptsAsync(string id, CancellationToken cancellationToken)
    {
        if (library.Find(id)?.Pack is not { } pack)
        {
            return 0;
        }
        var modules = pack.Modules.Select(m => m.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Attempts.CountAsync(a => modules.Contains(a.ModuleId) && a.Status == AttemptStatus.InProgress, cancellationToken);
    }

    /// <summary>The pack's id and module ids against every other known pack, served or not (a disabled pack may come back).</summary>
    private List<PackProblem> Clashes(Curriculum.Model.ContentPack pack)
    {
        var problems = new List<PackProblem>();
        foreach (var other in library.Entries.Where(e => !(e.Origin == PackOrigin.Uploaded && e.Id == pack.Id)))
        {
            if (other.Id == pack.Id)
            {
                problems.Add(new PackProblem(pack.Id, "pack.yaml", 0, $"The pack id '{pack.Id}' belongs to the {Describe(other.Origin)} pack '{other.Title}'. Give your pack another id."));
            }
            foreach (var module in pack.Modules.Where(m => other.Pack?.Modules.Any(o => o.Id == m.Id) == true))
            {
                problems.Add(new PackProblem(pack.Id, "", 0, $"Module id '{module.Id}' is already used by the {Describe(other.Origin)} pack '{other.Id}'; module ids must be unique across packs."));
            }
        }
        return problems;
    }

    private static string Describe(PackOrigin origin) => origin switch
    {
        PackOrigin.BuiltIn => "built-in",
        PackOrigin.Folder => "institution folder",
        _ => "uploaded",
    };

    private async Task<bool> ChangeAsync(string id, string action, string changedBy, Action<ContentPackEntity> change, CancellationToken cancellationToken)
    {
        if (library.Find(id) is null)
        {
            return false;
        }
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await writes.RunAsync(db, async ct =>
            {
                var row = await db.ContentPacks.FirstOrDefaultAsync(p => p.Id == id, ct);
                if (row is null)
                {
                    row = new ContentPackEntity { Id = id };
                    db.ContentPacks.Add(row);
                }
                change(row);
                row.ChangedBy = changedBy;
                row.UpdatedAt = time.GetUtcNow();
                audit.Add(db, "admin", action, id, $"by {changedBy}");
                return await db.SaveChangesAsync(ct);
            }, cancellationToken);
        }
        await library.RefreshAsync(cancellationToken);
        return true;
    }
}
