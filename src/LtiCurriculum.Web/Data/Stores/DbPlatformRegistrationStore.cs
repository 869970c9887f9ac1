using System.Collections.Concurrent;
using LtiCurriculum.Lti.Storage;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// Registrations from the database, cached per issuer for a short time (every login and launch reads
/// them). Changes made by this process are visible at once; changes by another instance or the CLI within
/// <see cref="CacheLifetime"/>.
/// </summary>
internal sealed class DbPlatformRegistrationStore(IDbContextFactory<LtiDbContext> contexts, TimeProvider time) : IPlatformRegistrationStore
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, CachedRegistrations> _cache = new(StringComparer.Ordinal);

    public async ValueTask<IReadOnlyList<PlatformRegistration>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(issuer, out var cached) && now - cached.LoadedAt < CacheLifetime)
        {
            return cached.Value;
        }

        await using var db = contexts.CreateDbContext();
        var rows = await db.Platforms.AsNoTracking().Include(p => p.Deployments)
            .Where(p => p.Issuer == issuer)
            .ToListAsync(cancellationToken);
        IReadOnlyList<PlatformRegistration> value = [.. rows.Select(p => new PlatformRegistration(
            p.Id, p.Issuer, p.ClientId, p.AuthorizationEndpoint, p.TokenEndpoint, p.JwksUri,
            p.Deployments.Select(d => d.DeploymentId).ToHashSet(StringComparer.Ordinal), p.IsDisabled)
        {
            RegisteredDynamically = p.Source == LtiCurriculum.Web.Install.Registration.RegistrationCompletion.PlatformSource,
            ProductFamily = p.ProductFamily,
        })];
        // Cache only issuers that exist, so a flood of unknown issuers cannot grow the cache.
        if (value.Count > 0)
        {
            _cache[issuer] = new CachedRegistrations(value, now);
        }
        else
        {
            _cache.TryRemove(issuer, out _);
        }
        return value;
    }

    private long _generation;

    /// <summary>Counts this process's changes to registrations, so caches built from them (the frame-ancestors list) know to rebuild.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Invalidate()
    {
        _cache.Clear();
        Interlocked.Increment(ref _generation);
    }

    private sealed record CachedRegistrations(IReadOnlyList<PlatformRegistration> Value, DateTimeOffset LoadedAt);
}
