using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Web.Tests.Database;

/// <summary>
/// The kept-open SQLite connections commit queued writes in groups, each write in a savepoint of its own: a write that
/// throws is undone alone, its caller gets its exception, and every other write of the group is committed.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqlitePreparedConnections _connections;

    public SqliteGroupCommitTests()
    {
        using (var setup = new SqliteConnection($"Data Source={_folder.DatabaseFile}"))
        {
            setup.Open();
            using var create = setup.CreateCommand();
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT NOT NULL UNIQUE);";
            create.ExecuteNonQuery();
        }
        _connections = new SqlitePreparedConnections($"Data Source={_folder.DatabaseFile}", new WriteTransactions(new DatabaseOptions()));
    }

    [Fact]
    public async Task A_failing_write_is_undone_alone_and_the_rest_of_its_group_is_committed()
    {
        // Many writers at once, so most writes queue behind a commit and share the next group with others.
        var writes = Enumerable.Range(0, 200).Select(i => Task.Run(() => _connections.WriteAsync(i, static (connection, i) =>
        {
            Insert(connection, $"note {i}");
            if (i % 10 == 3)
            {
                // Half-done work: the row above is written, then the write fails on its own duplicate.
                Insert(connection, $"note {i}");
            }
            return i;
        }))).ToArray();

        for (var i = 0; i < writes.Length; i++)
        {
            if (i % 10 == 3)
            {
                var error = await Assert.ThrowsAsync<SqliteException>(() => writes[i]);
                Assert.Equal(19, error.SqliteErrorCode); // the UNIQUE constraint
            }
            else
            {
                Assert.Equal(i, await writes[i]);
            }
        }
        var stored = _connections.Read(0, static (connection, _) => Texts(connection));
        Assert.Equal(180, stored.Count);
        Assert.DoesNotContain("note 3", stored);
        Assert.Contains("note 4", stored);
    }

    [Fact]
    public async Task A_write_sees_the_writes_queued_before_it_in_its_group_and_a_read_after_it_sees_it_committed()
    {
        var first = _connections.WriteAsync("a", static (connection, text) => Insert(connection, text));
        var second = _connections.WriteAsync("b", static (connection, _) => Texts(connection).Count);
        await first;
        Assert.Equal(1, await second);
        // Another connection (a new one, as EF's would be) sees the committed rows.
        using var other = new SqliteConnection($"Data Source={_folder.DatabaseFile}");
        other.Open();
        using var count = other.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Notes";
        Assert.Equal(1L, count.ExecuteScalar());
    }

    [Fact]
    public async Task A_write_alone_in_its_group_that_fails_is_undone_and_the_next_write_commits()
    {
        // One at a time, so each write is alone in its group (its transaction is its savepoint).
        Assert.Equal(1, await _connections.WriteAsync("kept", static (connection, text) => Insert(connection, text)));
        var error = await Assert.ThrowsAsync<SqliteException>(() => _connections.WriteAsync(0, static (connection, _) =>
        {
            Insert(connection, "half-done");
            return Insert(connection, "kept");
        }));
        Assert.Equal(19, error.SqliteErrorCode);
        var failedAlone = await Assert.ThrowsAsync<InvalidOperationException>(() => _connections.WriteAsync<int, int>(0, static (connection, _) =>
        {
            Insert(connection, "also half-done");
            throw new InvalidOperationException("the work's own failure");
        }));
        Assert.Equal("the work's own failure", failedAlone.Message);
        Assert.Equal(1, await _connections.WriteAsync("after", static (connection, text) => Insert(connection, text)));

        var stored = _connections.Read(0, static (connection, _) => Texts(connection));
        Assert.Equal(["after", "kept"], stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Writes_wait_for_the_writer_turn_another_writer_holds_and_then_commit_in_order()
    {
        var writes = new WriteTransactions(new DatabaseOptions());
        using var connections = new SqlitePreparedConnections($"Data Source={_folder.DatabaseFile}", writes);
        var turn = await writes.EnterSqliteWriterAsync(TestContext.Current.CancellationToken);
        // Held elsewhere (an EF writer, say): the writes queue instead of running, and none is lost.
        var queued = Enumerable.Range(0, 5).Select(i => connections.WriteAsync($"queued {i}", static (connection, text) => Insert(connection, text))).ToArray();
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.All(queued, write => Assert.False(write.IsCompleted));
        Assert.Empty(connections.Read(0, static (connection, _) => Texts(connection)));
        turn!.Dispose();
        Assert.All(await Task.WhenAll(queued), inserted => Assert.Equal(1, inserted));
        Assert.Equal(5, connections.Read(0, static (connection, _) => Texts(connection)).Count);
        Assert.Equal(1, await connections.WriteAsync("next", static (connection, text) => Insert(connection, text)));
    }

    [Fact]
    public async Task Reads_go_on_while_a_write_holds_the_primary_connection()
    {
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var write = _connections.WriteAsync((release, started), static (connection, s) =>
        {
            s.started.Set();
            s.release.Wait(TimeSpan.FromSeconds(10));
            return Insert(connection, "slow");
        });
        Assert.True(started.Wait(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        // The primary is taken by the write: the read runs on a pooled connection, not after the write.
        var before = _connections.Read(0, static (connection, _) => Texts(connection).Count);
        Assert.Equal(0, before);
        release.Set();
        await write;
        Assert.Equal(1, _connections.Read(0, static (connection, _) => Texts(connection).Count));
    }

    private static int Insert(PreparedConnection connection, string text)
    {
        using var insert = connection.Connection.CreateCommand();
        insert.CommandText = "INSERT INTO Notes (Text) VALUES ($text)";
        insert.Parameters.AddWithValue("$text", text);
        return insert.ExecuteNonQuery();
    }

    private static List<string> Texts(PreparedConnection connection)
    {
        using var select = connection.Connection.CreateCommand();
        select.CommandText = "SELECT Text FROM Notes";
        using var reader = select.ExecuteReader();
        var texts = new List<string>();
        while (reader.Read())
        {
            texts.Add(reader.GetString(0));
        }
        return texts;
    }

    public void Dispose()
    {
        _connections.Dispose();
        _folder.Dispose();
    }
}
