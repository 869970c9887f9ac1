using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LtiCurriculum.Web.Data;

/// <summary>
/// Applies the pending migrations so that instances starting together on one database take turns.
/// </summary>
/// <remarks>
/// EF Core's own migration lock holds on SQLite (a lock row) and SQL Server (a session-owned <c>sp_getapplock</c>), but
/// the PostgreSQL provider's is a <c>LOCK TABLE</c> inside each migration's transaction: it is let go between two
/// migrations, so a second instance can read the history in that gap and apply the next migration as well
/// ("column ... already exists"). On PostgreSQL the whole run therefore holds a session-level advisory lock
/// (PostgreSQL documentation, "Advisory Locks"), which the server also releases if the connection drops.
/// </remarks>
public static class OneMigrationAtATime
{
    // The advisory lock's key: a constant of the tool's own ("LtiMigr" as bytes, 0x4C74694D696772).
    private const string TryLock = "SELECT pg_try_advisory_lock(21520093849151346) AS \"Value\"";
    private const string Unlock = "SELECT pg_advisory_unlock(21520093849151346)";
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(250);

    public static async Task MigrateAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (!database.IsNpgsql())
        {
            await database.MigrateAsync(cancellationToken);
            return;
        }
        // EF's migrate creates a missing database; the lock needs a connection to it first, so create it here as EF would.
        var creator = database.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance created it a moment ago.
            }
        }
        // The lock belongs to the connection: keep one open for the lock, the migrations and the unlock.
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Polling rather than waiting in pg_advisory_lock: a wait longer than the command timeout would fail the
            // instance that is only waiting for another's migrations to finish.
            while (!await database.SqlQueryRaw<bool>(TryLock).SingleAsync(cancellationToken))
            {
                await Task.Delay(RetryEvery, cancellationToken);
            }
            try
            {
                await database.MigrateAsync(cancellationToken);
            }
            finally
            {
                try
                {
                    await database.ExecuteSqlRawAsync(Unlock, CancellationToken.None);
                }
                catch (System.Data.Common.DbException)
                {
                    // The connection failed (and with it, likely, the migration, whose error is the one to report):
                    // a session's advisory locks end with it, and Npgsql's reset of a pooled connection releases them too.
                }
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
