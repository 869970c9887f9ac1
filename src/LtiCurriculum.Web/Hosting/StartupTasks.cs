using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Install.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Hosting;

/// <summary>
/// Runs before the app serves anything: migrate the database, copy <c>Lti:Platforms</c> into it
/// (all or nothing), and make sure the tool has a signing key. Safe when several instances start at once.
/// </summary>
public static class StartupTasks
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // Reading the options validates them: a bad Lti:Platforms entry stops the app here, naming the key.
        var configured = services.GetRequiredService<IOptions<ConfiguredPlatforms>>().Value;
        _ = services.GetRequiredService<IOptions<LtiCurriculum.Lti.LtiToolOptions>>().Value;
        // The edge settings too, so Program reports them as one line naming the key like the rest.
        _ = services.GetRequiredService<IOptions<Framing.FramingOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Proxies.ProxyOptions>>().Value;
        _ = services.GetRequiredService<IOptions<RateLimits.RateLimitOptions>>().Value;
        // Loading the catalogue now: a missing pack folder stops the app; a broken pack is logged and refused.
        _ = services.GetRequiredService<LtiCurriculum.Curriculum.Loading.ContentCatalogue>();

        services.GetRequiredService<KeyRingProtection>().WarnAtStart();

        var database = services.GetRequiredService<DatabaseOptions>();
        await using (var db = await services.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (database.MigratesAtStart)
            {
                await OneMigrationAtATime.MigrateAsync(db.Database, cancellationToken);
            }
            else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() is { Count: > 0 } pending)
            {
                throw new ConfigurationException(
                    $"The database is behind this version: {pending.Count} migration(s) pending ({string.Join(", ", pending)}). " +
                    "Run the 'migrate' command (dotnet LtiCurriculum.Web.dll migrate), or set Database:MigrateAtStart=true.");
            }
            if (db.Database.IsSqlite())
            {
                // WAL lets readers work while one writer commits; it is a property of the file, set once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        // Uploaded packs and administrators' decisions live in the database: serve them before the first request.
        await services.GetRequiredService<Packs.PackLibrary>().RefreshAsync(cancellationToken);
        await services.GetRequiredService<PlatformAdmin>().UpsertAllAsync(configured.Platforms, "configuration", cancellationToken);
        await services.GetRequiredService<ToolKeyService>().EnsureKeysAsync(cancellationToken);
    }
}
