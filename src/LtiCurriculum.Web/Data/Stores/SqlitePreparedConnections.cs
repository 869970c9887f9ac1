using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// Kept-open SQLite connections for the hot paths that bypass EF on SQLite (EF reopens a pooled connection,
/// re-registers its SQL functions and re-parses its SQL on every request). Each connection holds every fast path's
/// statements as plain fields, each set prepared on its first use there, so a rented connection never looks a
/// statement up and any connection serves any path: the login state, the launch rows and the attempts share the one
/// instance registered on SQLite.
/// </summary>
public sealed class SqlitePreparedConnections(string connectionString) : IDisposable
{
    private const int MaxIdle = 8;
    private readonly System.Collections.Concurrent.ConcurrentBag<PreparedConnection> _idle = [];
    // Counted here: ConcurrentBag.Count takes every thread's lock, and Return asked it on every call.
    private int _idleCount;

    /// <summary>An open connection; give it back with <see cref="Return"/>, or dispose it if its work threw.</summary>
    public PreparedConnection Rent()
    {
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
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
        if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
        {
            _idle.Add(connection);
        }
        else
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}

/// <summary>An open SQLite connection with the tool's pragmas set, and each fast path's prepared statements.</summary>
public sealed class PreparedConnection : IDisposable
{
    private readonly List<SqliteCommand> _commands = [];
    private SqliteCommand? _begin, _beginRead, _commit, _rollback;
    private SqliteLoginStateStore.Statements? _loginStates;
    private SqliteLaunchRows.Statements? _launches;
    private SqliteAttemptRows.Statements? _attempts;

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

    internal SqliteLaunchRows.Statements Launches => _launches ??= new(this);

    internal SqliteAttemptRows.Statements Attempts => _attempts ??= new(this);

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

    /// <summary>
    /// Several reads in one snapshot: one read transaction instead of one per statement, so SQLite takes its WAL
    /// read lock (file-lock system calls) and checks its page cache once, not per lookup. A connection whose work
    /// threw is disposed by <see cref="SqlitePreparedConnections.Use"/>, which ends the transaction.
    /// </summary>
    internal T InReadTransaction<T, TState>(TState state, Func<PreparedConnection, TState, T> work)
    {
        (_beginRead ??= Prepare("BEGIN")).ExecuteNonQuery();
        var result = work(this, state);
        (_commit ??= Prepare("COMMIT")).ExecuteNonQuery();
        return result;
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
