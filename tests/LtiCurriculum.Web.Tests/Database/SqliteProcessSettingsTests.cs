using LtiCurriculum.Web.Data;
using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Web.Tests.Database;

/// <summary>SQLite keeps no memory statistics once the tool's settings are applied.</summary>
public sealed class SqliteProcessSettingsTests
{
    [Fact]
    public void SQLite_counts_no_memory()
    {
        // Applied by the test assembly's module initializer, before any connection, as the tool applies them at start.
        Assert.True(SqliteProcessSettings.Applied);
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (x BLOB); INSERT INTO t VALUES (randomblob(100000)); SELECT count(*) FROM t;";
        Assert.Equal(1L, command.ExecuteScalar());
        // With memory statistics off SQLite keeps no count (100 KB were just allocated for the row).
        Assert.Equal(0, SQLitePCL.raw.sqlite3_memory_used());
    }
}
