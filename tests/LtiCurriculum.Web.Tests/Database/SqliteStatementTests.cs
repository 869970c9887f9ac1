using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Web.Tests.Database;

/// <summary>
/// The fast paths' prepared statements over SQLitePCL: values bound by position reach SQLite as Microsoft.Data.Sqlite
/// would bind them (empty text stays text, null is NULL, long and non-ASCII text intact), rows read back the same,
/// and a failing step throws the usual <see cref="SqliteException"/> and leaves the statement usable.
/// </summary>
public sealed class SqliteStatementTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteConnection _connection;

    public SqliteStatementTests()
    {
        _connection = new SqliteConnection($"Data Source={_folder.DatabaseFile}");
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT UNIQUE, Number INTEGER);";
        create.ExecuteNonQuery();
    }

    public static TheoryData<string?> Texts => new()
    {
        (string?)null,
        "",
        "plain",
        "Ünïcødé — 学习 🩺",
        new string('x', 5000) + "é",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_is_stored_and_read_back_exactly(string? text)
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO Notes (Id, Text) VALUES ($id, $text)", "$id", "$text");
        Assert.Equal(1, insert.Bind(0, 1).Bind(1, text).Execute());

        using var select = new SqliteStatement(_connection, "SELECT Text, typeof(Text) FROM Notes WHERE Id = $id", "$id");
        using var row = select.Bind(0, 1).Query();
        Assert.True(row.Next());
        Assert.Equal(text, row.TextOrNull(0));
        Assert.Equal(text is null, row.IsNull(0));
        Assert.Equal(text is null ? "null" : "text", row.Text(1));
        Assert.False(row.Next());

        // What Microsoft.Data.Sqlite reads from the same row.
        using var check = _connection.CreateCommand();
        check.CommandText = "SELECT Text FROM Notes WHERE Id = 1";
        Assert.Equal(text is null ? DBNull.Value : text, check.ExecuteScalar());
    }

    [Fact]
    public void A_name_used_twice_is_bound_once_and_a_name_the_sql_lacks_is_ignored()
    {
        using var insert = new SqliteStatement(_connection,
            "INSERT INTO Notes (Id, Text, Number) VALUES ($id, $text, $id * 10) RETURNING Number", "$id", "$unused", "$text");
        Assert.Equal(70, insert.Bind(0, 7).Bind(1, "ignored").Bind(2, "seven").Scalar());
        var missing = Assert.Throws<ArgumentException>(() => new SqliteStatement(_connection, "SELECT $a, $b", "$a"));
        Assert.Contains("$b", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constraint_failure_throws_the_sqlite_error_and_the_statement_runs_again()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO Notes (Id, Text) VALUES ($id, $text)", "$id", "$text");
        insert.Bind(0, 1).Bind(1, "same").Execute();

        var error = Assert.Throws<SqliteException>(() => insert.Bind(0, 2).Bind(1, "same").Execute());
        Assert.Equal(19, error.SqliteErrorCode);
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);

        Assert.Equal(1, insert.Bind(0, 3).Bind(1, "other").Execute());
        using var count = new SqliteStatement(_connection, "SELECT COUNT(*) FROM Notes");
        Assert.Equal(2, count.Scalar());
    }

    [Fact]
    public void Rows_left_unread_are_reset_and_the_next_run_starts_from_the_first_row()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO Notes (Id, Number) VALUES ($id, $n)", "$id", "$n");
        for (var i = 1; i <= 3; i++)
        {
            insert.Bind(0, i).Bind(1, i).Execute();
        }
        using var select = new SqliteStatement(_connection, "SELECT Number FROM Notes ORDER BY Id");
        using (var rows = select.Query())
        {
            Assert.True(rows.Next());
            Assert.Equal(1, rows.Int32(0));
        }
        // Reset: the next run starts from the first row again rather than going on from the second.
        using (var rows = select.Query())
        {
            Assert.True(rows.Next());
            Assert.Equal(1, rows.Int64(0));
        }
        Assert.Equal(1, insert.Bind(0, 4).BindOrNull(1, null).Execute());
        using var nulls = new SqliteStatement(_connection, "SELECT COUNT(*) FROM Notes WHERE Number IS NULL");
        Assert.Equal(1, nulls.Scalar());
    }

    [Fact]
    public void Text_required_but_null_names_the_column()
    {
        using var select = new SqliteStatement(_connection, "SELECT NULL");
        using var row = select.Query();
        Assert.True(row.Next());
        Assert.Contains("Column 0", Assert.Throws<InvalidOperationException>(() => row.Text(0)).Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _folder.Dispose();
    }
}
