using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>
/// Where the integration tests keep the tool's data: a SQLite file (default), or a PostgreSQL database of their own
/// when <c>LTI_TEST_DATABASE=PostgreSQL</c> (the second pass of test.sh). A test's "database file" names its
/// database either way, so two instances given the same file share one PostgreSQL database too.
/// </summary>
internal static class TestDatabase
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=lticurriculum_test;Password=lticurriculum_test;Timeout=5";

    public static bool IsPostgreSql =>
        string.Equals(Environment.GetEnvironmentVariable("LTI_TEST_DATABASE"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    private static string Server => Environment.GetEnvironmentVariable("LTI_TEST_POSTGRES") ?? DefaultServer;

    /// <summary>The settings that point the tool at this test's database (creating it on PostgreSQL).</summary>
    public static IReadOnlyDictionary<string, string?> Settings(string databaseFile)
    {
        if (!IsPostgreSql)
        {
            return new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={databaseFile}" };
        }
        var name = DatabaseName(databaseFile);
        Create(name);
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            // Server databases migrate by command by default; each test's fresh database is migrated by the first instance.
            ["Database:MigrateAtStart"] = "true",
            ["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString,
        };
    }

    /// <summary>Drops the PostgreSQL database that stood for <paramref name="databaseFile"/>; nothing on SQLite.</summary>
    public static void Drop(string databaseFile)
    {
        if (!IsPostgreSql)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        using var connection = OpenServer();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName(databaseFile)}\" WITH (FORCE)", connection);
        // FORCE may only end sessions the test role could signal itself. An autovacuum worker that has just started on
        // this database is not one of them unless the role holds pg_signal_backend (test.sh grants it), so without
        // the grant the drop is refused while the worker runs; it ends within moments, so try again for a while.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException ex) when (
                ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                throw new InvalidOperationException(
                    $"The test database {DatabaseName(databaseFile)} could not be dropped for 30 s ({ex.MessageText}). Another role's session " +
                    "is connected to it; grant the test role pg_signal_backend (test.sh does: GRANT pg_signal_backend TO lticurriculum_test).", ex);
            }
        }
    }

    /// <summary>
    /// Holds what a migrating instance must wait for until disposed: on PostgreSQL the tool's migration advisory lock
    /// (Data/OneMigrationAtATime), on SQLite an exclusive transaction on the file.
    /// </summary>
    public static MigrationLockHolder HoldMigrationLock(string databaseFile)
    {
        if (!IsPostgreSql)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databaseFile};Pooling=False");
            file.Open();
            using var begin = file.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
            return new MigrationLockHolder(file, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
        }
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = DatabaseName(databaseFile), Pooling = false }.ConnectionString);
        connection.Open();
        using var take = new NpgsqlCommand("SELECT pg_advisory_lock(21520093849151346)", connection);
        take.ExecuteNonQuery();
        // Closing the session releases its advisory locks.
        return new MigrationLockHolder(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
    }

    private static string DatabaseName(string databaseFile) =>
        "lti_test_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(databaseFile))))[..20];

    private static void Create(string name)
    {
        using var connection = OpenServer();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        try
        {
            create.ExecuteNonQuery();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance of the same test made it first.
        }
    }

    private static NpgsqlConnection OpenServer()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            connection.Dispose();
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable for the PostgreSQL test pass ({ex.Message}). Run ./test.sh, which installs and starts it as root, " +
                "or: sudo apt-get install -y postgresql && sudo pg_ctlcluster 15 main start, then create the role with " +
                "sudo -u postgres psql -c \"CREATE ROLE lticurriculum_test LOGIN CREATEDB PASSWORD 'lticurriculum_test'\" " +
                "-c \"GRANT pg_signal_backend TO lticurriculum_test\".", ex);
        }
        return connection;
    }
}

/// <summary>The connection that holds the migration lock; it can count the database's tables meanwhile.</summary>
internal sealed class MigrationLockHolder(System.Data.Common.DbConnection connection, string countTables) : IDisposable
{
    public long Tables()
    {
        using var count = connection.CreateCommand();
        count.CommandText = countTables;
        return Convert.ToInt64(count.ExecuteScalar());
    }

    public void Dispose() => connection.Dispose();
}
