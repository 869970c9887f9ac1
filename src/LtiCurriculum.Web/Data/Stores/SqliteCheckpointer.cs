using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file on its own connection, every 100 ms while commits
/// come in (every second when idle). Left to SQLite, the commit that crosses <c>wal_autocheckpoint</c> pages does it
/// inside the request (a copy of each changed page and two fsyncs, while that writer still holds the instance's
/// writer turn), about ten times a second under a burst of first launches. A PASSIVE checkpoint waits for no reader
/// or writer. Checkpointing about as often as SQLite would keeps the WAL restarting from its start (it can only
/// restart after a complete checkpoint), so it stays a few MB. The connections' own automatic checkpoint stays on
/// as a backstop, at a larger size (<see cref="SqlitePragmas"/>), should this loop stop or fall behind.
/// </summary>
internal sealed partial class SqliteCheckpointer(IServiceProvider services, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan ActiveInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan IdleInterval = TimeSpan.FromSeconds(1);

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
        var wait = IdleInterval;
        long lastFrames = -1;
        while (await DelayAsync(wait, stoppingToken))
        {
            try
            {
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    await connection.OpenAsync(stoppingToken);
                }
                var frames = CheckpointOnce(checkpoint);
                wait = frames != lastFrames ? ActiveInterval : IdleInterval;
                lastFrames = frames;
            }
            catch (SqliteException ex)
            {
                LogCheckpointFailed(logger, ex);
                wait = IdleInterval;
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>One PASSIVE checkpoint; returns the WAL's frame count, which changes only when something was committed.</summary>
    private static long CheckpointOnce(SqliteCommand checkpoint)
    {
        using var result = checkpoint.ExecuteReader();
        return result.Read() ? result.GetInt64(1) : 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed; the next one retries, and commits checkpoint themselves past the backstop size")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
