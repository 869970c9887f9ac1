using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LtiCurriculum.Web.Data;

/// <summary>
/// Per-connection SQLite settings, run once per native handle (the pool reuses physical connections):
/// fsync only at WAL checkpoints (safe in WAL mode: a crash loses at most the last transactions, never
/// corrupts), and let SQLite itself wait for a busy writer in millisecond steps. Without busy_timeout,
/// Microsoft.Data.Sqlite retries a busy statement only every 150 ms, which shows as p99 latency spikes.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>Also run by the stores that open their own SQLite connections.</summary>
    public const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (ShouldConfigure(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (ShouldConfigure(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool ShouldConfigure(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);
}
