using System.Globalization;
using Npgsql;

namespace LtiCurriculum.Benchmarks.Instances;

/// <summary>A PostgreSQL database of the command's own (a fresh name per run), dropped when disposed.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The connection string the tool processes use, with the pool capped at <paramref name="poolSize"/>.</summary>
    public string ConnectionString(int poolSize) =>
        new NpgsqlConnectionStringBuilder(_server) { Database = Name, MaxPoolSize = poolSize }.ConnectionString;

    public static async Task<BenchDatabase> CreateAsync(string server, CancellationToken cancellationToken)
    {
        var name = "lti_bench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "_" + Environment.ProcessId;
        await using var connection = await OpenServerAsync(server, cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new BenchDatabase(server, name);
    }

    /// <summary>max_connections, and how many connections other clients hold now (for the pool-size check).</summary>
    public async Task<(int Max, int InUse)> ConnectionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenServerAsync(_server, cancellationToken);
        await using var query = new NpgsqlCommand("SELECT current_setting('max_connections')::int, (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend')", connection);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var connection = await OpenServerAsync(_server, CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine($"Could not drop the database {Name}: {ex.Message}");
        }
    }

    private static async Task<NpgsqlConnection> OpenServerAsync(string server, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
