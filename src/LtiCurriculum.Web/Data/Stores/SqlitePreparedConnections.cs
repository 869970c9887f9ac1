using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// Kept-open SQLite connections for the hot paths that bypass EF on SQLite (EF reopens a pooled connection,
/// re-registers its SQL functions and re-parses its SQL on every request). Each connection holds every fast path's
/// statements as plain fields, each set prepared on its first use there, so any connection serves any path: the login
/// state, the launch rows, the learner pages' links, the attempts and the dashboard's rows share the one instance registered on SQLite.
/// <para>
/// One primary connection does every write and every read it is free for. SQLite drops a connection's whole page cache
/// when it begins a transaction after another connection committed, so with writes spread over a pool every lookup
/// re-read its pages from the file (pread system calls and page parsing: about a tenth of the tool's CPU in the
/// first-launch benchmark). The primary's own commits keep its cache; reads that find it busy take a pooled
/// connection instead of waiting.
/// </para>
/// <para>
/// Writes are committed in groups (<see cref="WriteAsync"/>): the writes that arrive while one group commits go into the
/// next, each in a savepoint of its own (a write alone in its group needs none: its transaction is rolled back if it
/// fails), so a group costs one transaction's locks, WAL frames and system calls instead of one set per write.
/// </para>
/// </summary>
public sealed class SqlitePreparedConnections(string connectionString, WriteTransactions writes) : IDisposable
{
    private const int MaxIdle = 8;
    private const int MaxGroup = 64;
    private readonly System.Collections.Concurrent.ConcurrentBag<PreparedConnection> _idle = [];
    // Counted here: ConcurrentBag.Count takes every thread's lock, and Return asked it on every call.
    private int _idleCount;
    private readonly Lock _primaryGate = new();
    private PreparedConnection? _primary;
    private readonly Lock _queueGate = new();
    private List<PendingWrite> _queue = [];
    private List<PendingWrite> _spare = [];
    private bool _committing;

    /// <summary>The database these connections open (another set on it reads like another instance would).</summary>
    public string ConnectionString => connectionString;

    /// <summary>
    /// Runs a read on the primary connection if it is free, else on a pooled one (pass a static lambda and its inputs
    /// as <paramref name="state"/>: nothing is allocated per call). Several statements that must see one snapshot go in
    /// <see cref="PreparedConnection.InReadTransaction"/>. A connection whose work threw is closed, not reused.
    /// </summary>
    public T Read<TState, T>(TState state, Func<PreparedConnection, TState, T> work)
    {
        if (_primaryGate.TryEnter())
        {
            try
            {
                return OnPrimary(state, work);
            }
            finally
            {
                _primaryGate.Exit();
            }
        }
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

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction on the primary connection, in this instance's writer turn, and
    /// completes once it is committed. Writes queued meanwhile share the transaction, each in its own savepoint: one that
    /// throws is rolled back alone and its caller gets the exception; a failed commit fails every write of the group.
    /// The work must not wait on anything (it runs while the group holds the writer turn).
    /// </summary>
    public Task<T> WriteAsync<TState, T>(TState state, Func<PreparedConnection, TState, T> work)
    {
        var pending = new PendingWrite<TState, T>(state, work);
        bool lead;
        lock (_queueGate)
        {
            _queue.Add(pending);
            lead = !_committing;
            _committing = true;
        }
        if (lead)
        {
            _ = CommitGroupsAsync();
        }
        return pending.Task;
    }

    /// <summary>Commits queued writes group by group until the queue is empty; only one runs at a time.</summary>
    private async Task CommitGroupsAsync()
    {
        // Off the caller's thread: the first writer's request goes on while its group waits for the turn and commits.
        await Task.Yield();
        while (true)
        {
            IDisposable? turn;
            try
            {
                turn = await writes.EnterSqliteWriterAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Only at shutdown (the turn's semaphore is gone): fail what waits rather than leave it waiting.
                FailQueued(ex);
                return;
            }
            using (turn)
            {
                List<PendingWrite> group;
                lock (_queueGate)
                {
                    if (_queue.Count == 0)
                    {
                        _committing = false;
                        return;
                    }
                    group = _queue;
                    _queue = _spare;
                }
                for (var start = 0; start < group.Count; start += MaxGroup)
                {
                    CommitGroup(group, start, Math.Min(group.Count, start + MaxGroup));
                }
                group.Clear();
                _spare = group;
            }
        }
    }

    private void FailQueued(Exception failure)
    {
        List<PendingWrite> queued;
        lock (_queueGate)
        {
            queued = _queue;
            _queue = [];
            _committing = false;
        }
        foreach (var pending in queued)
        {
            pending.Complete(failure);
        }
    }

    private void CommitGroup(List<PendingWrite> group, int start, int end)
    {
        Exception? failure = null;
        lock (_primaryGate)
        {
            try
            {
                var connection = _primary ??= new PreparedConnection(connectionString);
                connection.Begin();
                if (end - start == 1)
                {
                    // Alone in its group (the usual case on a quiet instance): its transaction is its savepoint, two
                    // statements fewer per write.
                    if (group[start].Run(connection))
                    {
                        connection.Commit();
                    }
                    else
                    {
                        connection.Rollback();
                    }
                }
                else
                {
                    for (var i = start; i < end; i++)
                    {
                        group[i].RunInSavepoint(connection);
                    }
                    connection.Commit();
                }
            }
            catch (Exception ex)
            {
                failure = ex;
                _primary?.Dispose();
                _primary = null;
            }
        }
        for (var i = start; i < end; i++)
        {
            group[i].Complete(failure);
        }
    }

    private T OnPrimary<TState, T>(TState state, Func<PreparedConnection, TState, T> work)
    {
        var connection = _primary ??= new PreparedConnection(connectionString);
        try
        {
            return work(connection, state);
        }
        catch
        {
            connection.Dispose();
            _primary = null;
            throw;
        }
    }

    private PreparedConnection Rent()
    {
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }
        return new PreparedConnection(connectionString);
    }

    private void Return(PreparedConnection connection)
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
        lock (_primaryGate)
        {
            _primary?.Dispose();
            _primary = null;
        }
    }

    /// <summary>A write waiting for its group's commit.</summary>
    private abstract class PendingWrite
    {
        /// <summary>
        /// Runs the write, keeping its result or the exception it threw: false then, and the caller undoes what it wrote.
        /// Failures that leave the connection in doubt (I/O, a full disk, corruption, no memory) are thrown instead.
        /// </summary>
        public abstract bool Run(PreparedConnection connection);

        /// <summary>Runs the write in a savepoint, rolled back if the write failed.</summary>
        public void RunInSavepoint(PreparedConnection connection)
        {
            connection.Savepoint();
            if (Run(connection))
            {
                connection.ReleaseSavepoint();
            }
            else
            {
                connection.RollbackToSavepoint();
            }
        }

        /// <summary>Completes the caller's task: its result, its own exception, or the group's commit failure.</summary>
        public abstract void Complete(Exception? groupFailure);
    }

    private sealed class PendingWrite<TState, T>(TState state, Func<PreparedConnection, TState, T> work) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        public Task<T> Task => _done.Task;

        public override bool Run(PreparedConnection connection)
        {
            try
            {
                _result = work(connection, state);
                return true;
            }
            catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_FULL or SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOMEM })
            {
                _error = ex;
                return false;
            }
        }

        public override void Complete(Exception? groupFailure)
        {
            if (groupFailure is not null)
            {
                _done.SetException(groupFailure);
            }
            else if (_error is not null)
            {
                _done.SetException(_error);
            }
            else
            {
                _done.SetResult(_result!);
            }
        }
    }
}

/// <summary>An open SQLite connection with the tool's pragmas set, and each fast path's prepared statements.</summary>
public sealed class PreparedConnection : IDisposable
{
    private readonly List<SqliteStatement> _statements = [];
    private SqliteStatement? _begin, _beginRead, _commit, _rollback, _savepoint, _release, _rollbackTo;
    private SqliteLoginStateStore.Statements? _loginStates;
    private SqliteLaunchRows.Statements? _launches;
    private SqliteAttemptRows.Statements? _attempts;
    private SqliteReadinessRows.Statements? _readiness;
    private SqliteLinkFactsRows.Statements? _linkFacts;
    private SqliteMembershipServiceRows.Statements? _membershipServices;

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

    internal SqliteReadinessRows.Statements Readiness => _readiness ??= new(this);

    internal SqliteLinkFactsRows.Statements LinkFacts => _linkFacts ??= new(this);

    internal SqliteMembershipServiceRows.Statements MembershipServices => _membershipServices ??= new(this);

    /// <summary>A statement on this connection whose parameters are bound by their position in <paramref name="parameters"/>, disposed with it.</summary>
    internal SqliteStatement Prepare(string sql, params string[] parameters)
    {
        var statement = new SqliteStatement(Connection, sql, parameters);
        _statements.Add(statement);
        return statement;
    }

    internal void Begin() => (_begin ??= Prepare("BEGIN IMMEDIATE")).Execute();

    internal void Commit() => (_commit ??= Prepare("COMMIT")).Execute();

    internal void Rollback() => (_rollback ??= Prepare("ROLLBACK")).Execute();

    internal void Savepoint() => (_savepoint ??= Prepare("SAVEPOINT write")).Execute();

    internal void ReleaseSavepoint() => (_release ??= Prepare("RELEASE write")).Execute();

    /// <summary>Undoes the write since <see cref="Savepoint"/> and ends the savepoint; the group's transaction goes on.</summary>
    internal void RollbackToSavepoint()
    {
        (_rollbackTo ??= Prepare("ROLLBACK TO write")).Execute();
        ReleaseSavepoint();
    }

    /// <summary>
    /// Several reads in one snapshot: one read transaction instead of one per statement, so SQLite takes its WAL
    /// read lock (file-lock system calls) and checks its page cache once, not per lookup. A connection whose work
    /// threw is disposed by <see cref="SqlitePreparedConnections.Read"/>, which ends the transaction.
    /// </summary>
    internal T InReadTransaction<T, TState>(TState state, Func<PreparedConnection, TState, T> work)
    {
        (_beginRead ??= Prepare("BEGIN")).Execute();
        var result = work(this, state);
        Commit();
        return result;
    }

    public void Dispose()
    {
        // Statements first: a connection closed under a live statement would stay open as a zombie until it is finalized.
        foreach (var statement in _statements)
        {
            statement.Dispose();
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
