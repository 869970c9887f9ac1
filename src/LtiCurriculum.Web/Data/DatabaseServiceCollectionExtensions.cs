using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// EF Core on SQLite (default: a file in the data folder) or SQL Server, a pooled context factory
    /// for singletons, a scoped context for Data Protection and health checks, and the Data Protection
    /// key ring kept in the same database so every instance shares it.
    /// </summary>
    public static IServiceCollection AddLtiDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default");

        switch (options.Provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    var folder = Path.GetFullPath(options.DataFolder, environment.ContentRootPath);
                    Directory.CreateDirectory(folder);
                    connectionString = $"Data Source={Path.Combine(folder, "lticurriculum.db")};Pooling=True";
                }
                services.AddPooledDbContextFactory<SqliteLtiDbContext>(o => o
                    .UseSqlite(connectionString)
                    .AddInterceptors(new SqlitePragmas()));
                services.AddSingleton<IDbContextFactory<LtiDbContext>, LtiDbContextFactory<SqliteLtiDbContext>>();
                break;
            case "sqlserver":
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Default is empty. Set ConnectionStrings__Default to the SQL Server connection string.");
                }
                services.AddPooledDbContextFactory<SqlServerLtiDbContext>(o => o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
                services.AddSingleton<IDbContextFactory<LtiDbContext>, LtiDbContextFactory<SqlServerLtiDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported. Use Sqlite or SqlServer.");
        }

        services.AddSingleton(options);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContext());
        services.AddDataProtection()
            .SetApplicationName("LtiCurriculum")
            .PersistKeysToDbContext<LtiDbContext>();
        return services;
    }
}

/// <summary>Hands out the provider's pooled context as the provider-neutral <see cref="LtiDbContext"/>.</summary>
internal sealed class LtiDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<LtiDbContext>
    where TContext : LtiDbContext
{
    public LtiDbContext CreateDbContext() => inner.CreateDbContext();
}
