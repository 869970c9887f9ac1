using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Web.Tests.Database;

/// <summary>Commits leave the write-ahead log to the background checkpoint, which copies it into the database file.</summary>
public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task Committed_pages_reach_the_database_file_at_the_next_background_checkpoint()
    {
        using var folder = new TempFolder();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = folder.DatabaseFile, Pooling = false }.ConnectionString;
        await using var writer = new SqliteConnection(connectionString);
        writer.Open();
        Execute(writer, "PRAGMA journal_mode=WAL; " + SqlitePragmas.Pragmas);
        Execute(writer, "CREATE TABLE Rows (Id INTEGER PRIMARY KEY, Value TEXT NOT NULL)");
        for (var i = 0; i < 200; i++)
        {
            Execute(writer, $"INSERT INTO Rows (Value) VALUES ('{new string('x', 500)}')");
        }
        var before = new FileInfo(folder.DatabaseFile).Length;

        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var services = new ServiceCollection().AddSingleton(new SqliteConnectionString(connectionString)).BuildServiceProvider();
        using var checkpointer = new SqliteCheckpointer(services, clock, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(TestContext.Current.CancellationToken);

        // The service's loop starts on its own task; tick its clock until the checkpoint shows, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (new FileInfo(folder.DatabaseFile).Length <= before && DateTime.UtcNow < deadline)
        {
            clock.Advance(SqliteCheckpointer.IdleInterval);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        await checkpointer.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(new FileInfo(folder.DatabaseFile).Length > before + 100_000,
            $"The database file stayed at {new FileInfo(folder.DatabaseFile).Length} bytes (before: {before}); the rows are still only in the WAL.");
        Assert.Equal(200L, Scalar(writer, "SELECT COUNT(*) FROM Rows"));
    }

    [Fact]
    public void A_commit_checkpoints_itself_only_past_the_backstop_size()
    {
        using var folder = new TempFolder();
        using var connection = new SqliteConnection($"Data Source={folder.DatabaseFile}");
        connection.Open();
        Execute(connection, SqlitePragmas.Pragmas);

        Assert.Equal(10_000L, Scalar(connection, "PRAGMA wal_autocheckpoint"));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
