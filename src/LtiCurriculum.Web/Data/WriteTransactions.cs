using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Data;

/// <summary>
/// Runs a unit of work in one database transaction, the way each provider needs it.
/// SQLite has one writer per file: in-process writers queue here, asynchronously, instead of each taking a
/// thread-pool thread into SQLite's busy handler, which sleeps in growing steps up to 100 ms (measured: the
/// answer-save p99 fell from ~150 ms to the figures in the README). Other instances on the same file still
/// wait through busy_timeout. SQL Server runs the work under its retrying execution strategy, which requires
/// the whole transaction to be retryable as one.
/// </summary>
public sealed class WriteTransactions(DatabaseOptions options)
{
    private readonly SemaphoreSlim? _sqliteWriter = options.IsSqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>
    /// On SQLite, waits for this instance's turn to write and returns what ends it; on other providers there is
    /// no turn to wait for. For writers that manage their own SQLite transaction.
    /// </summary>
    public async ValueTask<IDisposable?> EnterSqliteWriterAsync(CancellationToken cancellationToken)
    {
        if (_sqliteWriter is null)
        {
            return null;
        }
        await _sqliteWriter.WaitAsync(cancellationToken);
        return new Turn(_sqliteWriter);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) gate.Release();
        }
    }

    public async Task<T> RunAsync<T>(LtiDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_sqliteWriter is not null)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await work(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            finally
            {
                _sqliteWriter.Release();
            }
        }
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}
