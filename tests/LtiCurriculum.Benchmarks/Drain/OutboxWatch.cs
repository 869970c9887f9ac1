using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Benchmarks.Drain;

/// <summary>The outbox by status, counted in the drainer's SQLite file.</summary>
internal readonly record struct OutboxCounts(long Delivered, long Pending, long Other)
{
    public long Total => Delivered + Pending + Other;
}

/// <summary>Rows that did not end Delivered, grouped by what the tool recorded.</summary>
internal sealed record StuckRows(string Status, int? LastStatusCode, string? LastError, long Count);

/// <summary>
/// Reads the drainer's outbox through a read-only connection of its own (WAL: never in the drainer's way). Opened
/// on first use, because a read-only connection needs the drainer to have opened the file; until then, and after a
/// failed read, the count is null and the next poll tries again.
/// </summary>
internal sealed class OutboxWatch(string databaseFile, int platformId) : IDisposable
{
    private static readonly string[] StatusNames = ["Pending", "Delivered", "NeedsAttention", "Held", "Superseded", "NotGradable"];

    private SqliteConnection? _connection;
    private SqliteCommand? _count;

    public string? LastProblem { get; private set; }

    /// <summary>One COUNT by status (on the worker's own index: PlatformId, Status, Id).</summary>
    public OutboxCounts? TryCount()
    {
        try
        {
            if (_count is null)
            {
                _connection = DrainSeed.Open(databaseFile, readOnly: true);
                _count = _connection.CreateCommand();
                _count.CommandText = "SELECT Status, COUNT(*) FROM GradeDeliveries WHERE PlatformId = $platform GROUP BY Status";
                _count.Parameters.AddWithValue("$platform", platformId);
                _count.Prepare();
            }
            long delivered = 0, pending = 0, other = 0;
            using var reader = _count.ExecuteReader();
            while (reader.Read())
            {
                var count = reader.GetInt64(1);
                switch (reader.GetInt32(0))
                {
                    case 0: pending += count; break;
                    case 1: delivered += count; break;
                    default: other += count; break;
                }
            }
            return new OutboxCounts(delivered, pending, other);
        }
        catch (SqliteException ex)
        {
            LastProblem = ex.Message;
            Close();
            return null;
        }
    }

    /// <summary>The largest groups of rows that are not Delivered.</summary>
    public IReadOnlyList<StuckRows> NotDelivered(int groups)
    {
        using var connection = DrainSeed.Open(databaseFile, readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Status, LastStatusCode, LastError, COUNT(*) FROM GradeDeliveries
            WHERE PlatformId = $platform AND Status <> 1
            GROUP BY Status, LastStatusCode, LastError ORDER BY COUNT(*) DESC LIMIT $groups
            """;
        command.Parameters.AddWithValue("$platform", platformId);
        command.Parameters.AddWithValue("$groups", groups);
        var rows = new List<StuckRows>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var status = reader.GetInt32(0);
            rows.Add(new StuckRows(
                status >= 0 && status < StatusNames.Length ? StatusNames[status] : status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(1) ? null : reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3)));
        }
        return rows;
    }

    public void Dispose() => Close();

    private void Close()
    {
        _count?.Dispose();
        _count = null;
        _connection?.Dispose();
        _connection = null;
    }
}
