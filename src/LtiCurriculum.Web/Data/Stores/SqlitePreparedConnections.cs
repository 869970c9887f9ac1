using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// The SQLite connections the hot paths (login state, recording a launch, the module page and answer saves) keep
/// open instead of going through EF, which reopens a pooled connection, re-registers its SQL functions and
/// re-parses its SQL on every request. One pool for all of them, registered only on SQLite.
/// Each connection holds every fast path's statements as plain fields, each set prepared on its first use there:
/// a rented connection never looks a statement up, and any connection serves any path, so none sits idle
/// holding the wrong statements. Last in, first out, so the busiest connections keep their page cache warm.
/// </summary>
public sealed class SqlitePreparedConnections(string connectionString) : IDisposable
{
    private const int MaxIdle = 16;
    private readonly PreparedConnection?[] _idle = new PreparedConnection?[MaxIdle];
    private readonly Lock _gate = new();
    private int _idleCount;

    /// <summary>An open connection; give it back with <see cref="Return"/>, or dispose it if its work threw.</summary>
    public PreparedConnection Rent()
    {
        lock (_gate)
        {
            if (_idleCount > 0)
            {
                var connection = _idle[--_idleCount]!;
                _idle[_idleCount] = null;
                return connection;
            }
        }
        return new PreparedConnection(connectionString);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a rented connection (pass a static lambda and its inputs as <paramref name="state"/>:
    /// nothing is allocated per call); a connection whose work threw is closed, not reused.
    /// </summary>
    public T Use<TState, T>(TState state, Func<PreparedConnection, TState, T> work)
    {
        var connection = Rent();
        T result;
        try
        {
            result = work(connection, state);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        Return(connection);
        return result;
    }

    public void Return(PreparedConnection connection)
    {
        lock (_gate)
        {
            if (_idleCount < MaxIdle)
            {
                _idle[_idleCount++] = connection;
                return;
            }
        }
        connection.Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            while (_idleCount > 0)
            {
                _idle[--_idleCount]!.Dispose();
                _idle[_idleCount] = null;
            }
        }
    }
}

/// <summary>An open SQLite connection with the tool's pragmas set, and each fast path's prepared statements.</summary>
public sealed class PreparedConnection : IDisposable
{
    private readonly List<SqliteCommand> _commands = [];
    private SqliteCommand? _begin, _commit, _rollback;
    private SqliteLoginStateStore.Statements? _loginStates;
    private SqliteAttemptFastPath.Statements? _attempts;
    private SqliteLaunchRows.Statements? _launches;

    public PreparedConnection(string connectionString)
    {
        Connection = new SqliteConnection(connectionString);
        Connection.Open();
        using var pragmas = Connection.CreateCommand();
        pragmas.CommandText = SqlitePragmas.Pragmas;
        pragmas.ExecuteNonQuery();
    }

    public SqliteConnection Connection { get; }

    internal SqliteLoginStateStore.Statements LoginStates => _loginStates ??= new(this);

    internal SqliteAttemptFastPath.Statements Attempts => _attempts ??= new(this);

    internal SqliteLaunchRows.Statements Launches => _launches ??= new(this);

    /// <summary>A command on this connection with its parameters (set their values by position), disposed with it.</summary>
    internal SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }
        _commands.Add(command);
        return command;
    }

    /// <summary>BEGIN IMMEDIATE, the work, COMMIT; ROLLBACK if the work throws. Call inside the instance's writer turn.</summary>
    internal T InTransaction<T, TState>(TState state, Func<PreparedConnection, TState, T> work)
    {
        (_begin ??= Prepare("BEGIN IMMEDIATE")).ExecuteNonQuery();
        try
        {
            var result = work(this, state);
            (_commit ??= Prepare("COMMIT")).ExecuteNonQuery();
            return result;
        }
        catch
        {
            try
            {
                (_rollback ??= Prepare("ROLLBACK")).ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // No transaction was open any more; the connection is dropped either way.
            }
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }
        Connection.Dispose();
    }
}

/// <summary>Instants as the tool stores them on SQLite (EF's DateTimeOffsetToBinaryConverter, set in <see cref="LtiDbContext"/>).</summary>
internal static class StoredInstant
{
    public static readonly Func<DateTimeOffset, long> From = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;
    public static readonly Func<long, DateTimeOffset> ToInstant = new DateTimeOffsetToBinaryConverter().ConvertFromProviderTyped;
}
