using LtiCurriculum.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>What new Data Protection keys encrypt with (see <see cref="AddLtiDatabase"/>).</summary>
    public static AuthenticatedEncryptorConfiguration KeyAlgorithms => new() { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM };

    /// <summary>
    /// EF Core on SQLite (default: a file in the data folder), SQL Server or PostgreSQL, a pooled context factory
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
                    connectionString = $"Data Source={Path.Combine(folder, "lticurriculum.db")}";
                }
                SqliteProcessSettings.Apply();
                // Writers wait for a busy database (up to Default Timeout, 30 s) instead of failing; foreign keys on.
                var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString) { Pooling = true };
                sqlite.ForeignKeys ??= true;
                services.AddPooledDbContextFactory<SqliteLtiDbContext>(o => o
                    .UseSqlite(sqlite.ConnectionString)
                    .AddInterceptors(new SqlitePragmas()));
                services.AddSingleton<IDbContextFactory<LtiDbContext>, LtiDbContextFactory<SqliteLtiDbContext>>();
                // The hot paths that bypass EF on SQLite share kept-open connections with prepared statements, and commit in groups.
                services.AddSingleton(sp => new Stores.SqlitePreparedConnections(sqlite.ConnectionString, sp.GetRequiredService<WriteTransactions>()));
                services.AddSingleton<LtiCurriculum.Lti.Storage.ILoginStateStore, Stores.SqliteLoginStateStore>();
                break;
            case "sqlserver":
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new ConfigurationException("Database:Provider is SqlServer but ConnectionStrings:Default is empty. Set ConnectionStrings__Default to the SQL Server connection string.");
                }
                services.AddPooledDbContextFactory<SqlServerLtiDbContext>(o => o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
                services.AddSingleton<IDbContextFactory<LtiDbContext>, LtiDbContextFactory<SqlServerLtiDbContext>>();
                services.AddSingleton<LtiCurriculum.Lti.Storage.ILoginStateStore, Stores.DbLoginStateStore>();
                break;
            case "postgresql":
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new ConfigurationException("Database:Provider is PostgreSQL but ConnectionStrings:Default is empty. Set ConnectionStrings__Default, e.g. \"Host=db.example.edu;Database=lticurriculum;Username=lticurriculum;Password=…\".");
                }
                services.AddPooledDbContextFactory<PostgreSqlLtiDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()));
                services.AddSingleton<IDbContextFactory<LtiDbContext>, LtiDbContextFactory<PostgreSqlLtiDbContext>>();
                services.AddSingleton<LtiCurriculum.Lti.Storage.ILoginStateStore, Stores.DbLoginStateStore>();
                break;
            default:
                throw new ConfigurationException($"Database:Provider '{options.Provider}' is not supported. Use Sqlite, SqlServer or PostgreSQL.");
        }

        services.AddSingleton(options);
        services.AddSingleton<WriteTransactions>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContext());
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("LtiCurriculum")
            .PersistKeysToDbContext<LtiDbContext>()
            // AES-256-GCM for keys created from now on (each key keeps the algorithm it was made with, so tokens under
            // older CBC + HMAC keys still read): one authenticated cipher instead of CBC and a separate HMAC. Every
            // launch encrypts a session token and a form token; GCM took 10 µs a token instead of 16, 4 µs to read one
            // instead of 10 (this machine, OpenSSL 3).
            .UseCryptographicAlgorithms(KeyAlgorithms);
        // Without a certificate the key ring sits unencrypted next to the data it protects; production should set one.
        var certificatePath = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            if (!File.Exists(certificatePath))
            {
                throw new ConfigurationException($"DataProtection:CertificatePath points to '{certificatePath}', which does not exist. Give the path of a PFX file with a private key.");
            }
            try
            {
                dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                    certificatePath, configuration["DataProtection:CertificatePassword"]));
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw new ConfigurationException($"DataProtection:CertificatePath '{certificatePath}' could not be opened: check DataProtection:CertificatePassword ({ex.Message}).", ex);
            }
        }
        return services;
    }
}

/// <summary>Hands out the provider's pooled context as the provider-neutral <see cref="LtiDbContext"/>.</summary>
internal sealed class LtiDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<LtiDbContext>
    where TContext : LtiDbContext
{
    public LtiDbContext CreateDbContext() => inner.CreateDbContext();
}
