using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Data.Stores;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Install.Platforms;

/// <summary>Adds, lists and removes platform registrations; each change is one transaction.</summary>
public sealed class PlatformAdmin(IDbContextFactory<LtiDbContext> contexts, LtiCurriculum.Lti.Storage.IPlatformRegistrationStore store, WriteTransactions writes, TimeProvider time)
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
            return all.Count;
        }, cancellationToken);
        Invalidate();
    }

    public async Task<IReadOnlyList<PlatformEntity>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Platforms.AsNoTracking().Include(p => p.Deployments).OrderBy(p => p.Id).ToListAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(string issuer, string clientId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var platform = await db.Platforms.Include(p => p.Deployments).FirstOrDefaultAsync(p => p.Issuer == issuer && p.ClientId == clientId, cancellationToken);
        if (platform is null)
        {
            return false;
        }
        db.Platforms.Remove(platform);
        await db.SaveChangesAsync(cancellationToken);
        Invalidate();
        return true;
    }

    private async Task<int> UpsertInAsync(LtiDbContext db, PlatformSettings settings, string source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
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
                CreatedAt = now,
            };
            db.Platforms.Add(platform);
        }
        platform.AuthorizationEndpoint = settings.AuthorizationEndpoint!;
        platform.TokenEndpoint = settings.TokenEndpoint!;
        platform.TokenAudience = string.IsNullOrWhiteSpace(settings.TokenAudience) ? null : settings.TokenAudience.Trim();
        platform.JwksUri = settings.JwksUri!;
        platform.UpdatedAt = now;

        var wanted = settings.DeploymentIds.ToHashSet(StringComparer.Ordinal);
        platform.Deployments.RemoveAll(d => !wanted.Contains(d.DeploymentId));
        foreach (var deploymentId in wanted.Where(w => platform.Deployments.All(d => d.DeploymentId != w)))
        {
            platform.Deployments.Add(new DeploymentEntity { DeploymentId = deploymentId });
        }
        await db.SaveChangesAsync(cancellationToken);
        return platform.Id;
    }

    private void Invalidate() => (store as DbPlatformRegistrationStore)?.Invalidate();
}
