using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file once a second, on its own connection. Left to
/// SQLite, the commit that crosses <c>wal_autocheckpoint</c> pages does it inside the request (a page copy per
/// changed page and two fsyncs, while that writer still holds the instance's writer turn), about ten times a second
/// under a burst of first launches. A PASSIVE checkpoint waits for no reader or writer, and a page written many times
/// in that second is copied once. The connections' own automatic checkpoint stays on as a backstop, at a larger size
/// (<see cref="SqlitePragmas"/>), should this loop stop.
/// </summary>
internal sealed partial class SqliteCheckpointer(IServiceProvider services, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<SqliteConnectionString>() is not { } configured)
        {
            return;
        }
        // Its own connection, outside the pool, so stopping the host closes it; it never creates the file.
        var connectionString = new SqliteConnectionStringBuilder(configured.Value) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ConnectionString;
        await using var connection = new SqliteConnection(connectionString);
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    await connection.OpenAsync(stoppingToken);
                }
                checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException ex)
            {
                LogCheckpointFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed; the next one retries, and commits checkpoint themselves past the backstop size")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
