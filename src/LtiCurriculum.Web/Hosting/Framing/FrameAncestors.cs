using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Hosting.Framing;

/// <summary>
/// Who may frame the tool: itself, <c>Security:FrameAncestors</c>, and the origins of every enabled platform's issuer,
/// authorization endpoint and token endpoint. Hosted Canvas frames tools from the institution's own domain, which is
/// its token endpoint's host, not the issuer (canvas.instructure.com) or the login host (sso.canvaslms.com).
/// The list is cached; a change in this process rebuilds it at once, a change by another instance or the CLI within <see cref="MaxAge"/>.
/// </summary>
internal sealed partial class FrameAncestors(
    IDbContextFactory<LtiDbContext> contexts, IPlatformRegistrationStore store, IOptions<FramingOptions> options,
    TimeProvider time, ILogger<FrameAncestors> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);
    // Proxies commonly refuse response headers past 8 KB; say so before a page fails to load behind one.
    private const int LongHeader = 6 * 1024;

    private readonly Lock _gate = new();
    private Snapshot? _current;
    private (long Generation, Task<Snapshot> Task)? _loading;
    private bool _warnedLong;

    /// <summary>'self' and the configured origins: what every page may be framed by, registered platforms or not.</summary>
    public IReadOnlyList<string> Always { get; } = ["'self'", .. options.Value.FrameAncestors.Select(e => FrameOrigins.Parse(e)!.Value.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The source list for <c>frame-ancestors</c>, space-separated.</summary>
    public async ValueTask<string> GetAsync()
    {
        var generation = Generation;
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Generation == generation && time.GetUtcNow() < current.FreshUntil)
        {
            return current.Sources;
        }
        Task<Snapshot> loading;
        lock (_gate)
        {
            // One load at a time serves every request that finds the list stale (not one query per request).
            if (_loading is not { } running || running.Generation != generation || running.Task.IsCompleted)
            {
                _loading = (generation, LoadAsync(generation, current));
            }
            loading = _loading.Value.Task;
        }
        var loaded = await loading;
        Volatile.Write(ref _current, loaded);
        return loaded.Sources;
    }

    /// <summary>'self', the configured origins and these (the registering platform's, for dynamic registration pages).</summary>
    public string With(IEnumerable<string> origins) => string.Join(' ', Always.Concat(origins.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));

    private long Generation => (store as DbPlatformRegistrationStore)?.Generation ?? 0;

    private async Task<Snapshot> LoadAsync(long generation, Snapshot? previous)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            var rows = await db.Platforms.AsNoTracking().Where(p => !p.IsDisabled)
                .Select(p => new { p.Issuer, p.AuthorizationEndpoint, p.TokenEndpoint })
                .ToListAsync(CancellationToken.None);
            var origins = rows.SelectMany(r => new[] { r.Issuer, r.AuthorizationEndpoint, r.TokenEndpoint })
                .Select(FrameOrigins.Of).OfType<string>().Distinct(StringComparer.Ordinal);
            var sources = With(origins);
            if (sources.Length > LongHeader && !_warnedLong)
            {
                _warnedLong = true;
                LogLongList(sources.Length);
            }
            return new Snapshot(sources, generation, time.GetUtcNow() + MaxAge);
        }
        catch (Exception ex)
        {
            // Pages still render (health checks report the database); the last list known stays until a load succeeds.
            LogLoadFailed(ex);
            return new Snapshot(previous?.Sources ?? With([]), generation, time.GetUtcNow() + RetryAfterFailure);
        }
    }

    private sealed record Snapshot(string Sources, long Generation, DateTimeOffset FreshUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the registered platforms for the frame-ancestors list; keeping the last one.")]
    private partial void LogLoadFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The frame-ancestors list is {Length} characters long; a proxy in front of the tool may refuse headers this large.")]
    private partial void LogLongList(int length);
}
