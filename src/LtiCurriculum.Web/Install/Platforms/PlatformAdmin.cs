using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Install.Audit;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Install.Platforms;

/// <summary>
/// Adds, changes, disables and removes platform registrations. Each admin change is one transaction that
/// carries its own audit entry, so the change and its record commit together or not at all.
/// </summary>
public sealed class PlatformAdmin(
    IDbContextFactory<LtiDbContext> contexts, WriteTransactions writes, AuditLog audit,
    LtiCurriculum.Lti.Storage.IPlatformRegistrationStore store, TimeProvider time)
{
    /// <summary>Creates or updates the registration with this issuer and client id; its deployments become exactly the given list.</summary>
    public async Task<int> UpsertAsync(PlatformSettings settings, string source, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var id = await writes.RunAsync(db, ct => UpsertInAsync(db, settings, source, ct), cancellationToken);
        Invalidate();
        return id;
    }

    /// <summary>All or nothing: used for the configuration section, where one bad entry must not leave half a list.</summary>
    public async Task UpsertAllAsync(IReadOnlyList<PlatformSettings> all, string source, CancellationToken cancellationToken)
    {
        if (all.Count == 0)
        {
            return;
        }
        await using var db = contexts.CreateDbContext();
        await writes.RunAsync(db, async ct =>
        {
            foreach (var settings in all)
            {
                await UpsertInAsync(db, settings, source, ct);
            }
            return true;
        }, cancellationToken);
        Invalidate();
    }

    public async Task<IReadOnlyList<PlatformEntity>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Platforms.AsNoTracking().Include(p => p.Deployments).OrderBy(p => p.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Registers a new platform (already validated); refuses an issuer and client id that is registered.</summary>
    public Task<PlatformChange> AddAsync(PlatformSettings settings, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(async (db, ct) =>
        {
            var existing = await db.Platforms.AsNoTracking().FirstOrDefaultAsync(p => p.Issuer == settings.Issuer && p.ClientId == settings.ClientId, ct);
            if (existing is not null)
            {
                return new PlatformChange(PlatformOutcome.Exists, existing);
            }
            await UpsertInAsync(db, settings, actor, ct);
            var added = await db.Platforms.Include(p => p.Deployments).FirstAsync(p => p.Issuer == settings.Issuer && p.ClientId == settings.ClientId, ct);
            audit.Add(db, actor, "platforms add", Subject(added), Describe(added));
            await db.SaveChangesAsync(ct);
            return new PlatformChange(PlatformOutcome.Done, added);
        }, cancellationToken);

    /// <summary>
    /// Reads the platform's settings, lets <paramref name="edit"/> change them and say what is wrong with the result,
    /// and writes them only when nothing is: the read, the check and the write are one transaction.
    /// </summary>
    public Task<PlatformChange> UpdateAsync(PlatformRef target, string action, Func<PlatformSettings, IReadOnlyList<string>> edit, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(target, async (db, platform, ct) =>
        {
            var settings = SettingsOf(platform);
            var problems = edit(settings);
            if (problems.Count > 0)
            {
                return PlatformChange.Invalid(problems);
            }
            var before = Describe(platform);
            Apply(platform, settings);
            var after = Describe(platform);
            if (before == after)
            {
                return new PlatformChange(PlatformOutcome.Unchanged, platform);
            }
            platform.UpdatedAt = time.GetUtcNow();
            audit.Add(db, actor, action, Subject(platform), $"before: {before}; after: {after}");
            await db.SaveChangesAsync(ct);
            return new PlatformChange(PlatformOutcome.Done, platform);
        }, cancellationToken);

    /// <summary>A disabled platform's logins and launches are refused and its scores wait; nothing is deleted.</summary>
    public Task<PlatformChange> SetDisabledAsync(PlatformRef target, bool disabled, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(target, async (db, platform, ct) =>
        {
            if (platform.IsDisabled == disabled)
            {
                return new PlatformChange(PlatformOutcome.Unchanged, platform);
            }
            platform.IsDisabled = disabled;
            platform.UpdatedAt = time.GetUtcNow();
            audit.Add(db, actor, disabled ? "platforms disable" : "platforms enable", Subject(platform));
            await db.SaveChangesAsync(ct);
            return new PlatformChange(PlatformOutcome.Done, platform);
        }, cancellationToken);

    /// <summary>
    /// Deletes the registration and its deployments. When the tool holds learners' data for it, refuses unless
    /// <paramref name="force"/>, and then deletes that data in the same transaction.
    /// </summary>
    public Task<PlatformChange> RemoveAsync(PlatformRef target, bool force, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(target, async (db, platform, ct) =>
        {
            var data = await PlatformData.CountAsync(db, platform.Id, ct);
            if (data.Total > 0 && !force)
            {
                return new PlatformChange(PlatformOutcome.HasLearnerData, platform, Data: data);
            }
            await PlatformData.DeleteAsync(db, platform.Id, ct);
            db.Platforms.Remove(platform);
            audit.Add(db, actor, "platforms remove", Subject(platform), $"{Describe(platform)}; deleted with it: {data}");
            await db.SaveChangesAsync(ct);
            return new PlatformChange(PlatformOutcome.Done, platform, Data: data);
        }, cancellationToken);

    /// <summary>A change to one existing platform: NotFound when <paramref name="target"/> names none.</summary>
    private Task<PlatformChange> ChangeAsync(PlatformRef target, Func<LtiDbContext, PlatformEntity, CancellationToken, Task<PlatformChange>> change, CancellationToken cancellationToken) =>
        ChangeAsync(async (db, ct) =>
        {
            var platform = await target.In(db.Platforms.Include(p => p.Deployments)).FirstOrDefaultAsync(ct);
            return platform is null ? new PlatformChange(PlatformOutcome.NotFound) : await change(db, platform, ct);
        }, cancellationToken);

    private async Task<PlatformChange> ChangeAsync(Func<LtiDbContext, CancellationToken, Task<PlatformChange>> change, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var result = await writes.RunAsync(db, ct => change(db, ct), cancellationToken);
        if (result.Outcome == PlatformOutcome.Done)
        {
            Invalidate();
        }
        return result;
    }

    private async Task<int> UpsertInAsync(LtiDbContext db, PlatformSettings settings, string source, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.Include(p => p.Deployments)
            .FirstOrDefaultAsync(p => p.Issuer == settings.Issuer && p.ClientId == settings.ClientId, cancellationToken);
        if (platform is null)
        {
            platform = new PlatformEntity
            {
                Issuer = settings.Issuer!,
                ClientId = settings.ClientId!,
                AuthorizationEndpoint = settings.AuthorizationEndpoint!,
                TokenEndpoint = settings.TokenEndpoint!,
                JwksUri = settings.JwksUri!,
                Source = source,
                CreatedAt = time.GetUtcNow(),
            };
            db.Platforms.Add(platform);
        }
        Apply(platform, settings);
        platform.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return platform.Id;
    }

    private static void Apply(PlatformEntity platform, PlatformSettings settings)
    {
        platform.Issuer = settings.Issuer!;
        platform.ClientId = settings.ClientId!;
        platform.AuthorizationEndpoint = settings.AuthorizationEndpoint!;
        platform.TokenEndpoint = settings.TokenEndpoint!;
        platform.TokenAudience = string.IsNullOrWhiteSpace(settings.TokenAudience) ? null : settings.TokenAudience.Trim();
        platform.JwksUri = settings.JwksUri!;
        var wanted = settings.DeploymentIds.ToHashSet(StringComparer.Ordinal);
        platform.Deployments.RemoveAll(d => !wanted.Contains(d.DeploymentId));
        foreach (var deploymentId in settings.DeploymentIds.Distinct(StringComparer.Ordinal).Where(w => platform.Deployments.All(d => d.DeploymentId != w)))
        {
            platform.Deployments.Add(new DeploymentEntity { DeploymentId = deploymentId });
        }
    }

    private static PlatformSettings SettingsOf(PlatformEntity platform) => new()
    {
        Issuer = platform.Issuer,
        ClientId = platform.ClientId,
        AuthorizationEndpoint = platform.AuthorizationEndpoint,
        TokenEndpoint = platform.TokenEndpoint,
        TokenAudience = platform.TokenAudience,
        JwksUri = platform.JwksUri,
        DeploymentIds = [.. platform.Deployments.Select(d => d.DeploymentId)],
    };

    public static string Subject(PlatformEntity platform) => $"platform {platform.Id}: {platform.Issuer} (client id {platform.ClientId})";

    /// <summary>Every field an admin sets; none of them is a secret.</summary>
    private static string Describe(PlatformEntity p) =>
        $"auth {p.AuthorizationEndpoint}, token {p.TokenEndpoint}, audience {p.TokenAudience ?? "-"}, jwks {p.JwksUri}, deployments {string.Join(",", p.Deployments.Select(d => d.DeploymentId).Order(StringComparer.Ordinal))}";

    private void Invalidate() => (store as DbPlatformRegistrationStore)?.Invalidate();
}
