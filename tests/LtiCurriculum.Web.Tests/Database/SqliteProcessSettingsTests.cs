using System.Runtime.InteropServices;
using LtiCurriculum.Web.Data;
using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Web.Tests.Database;

/// <summary>SQLite runs in multi-thread mode without memory statistics once the tool's settings are applied.</summary>
public sealed class SqliteProcessSettingsTests
{
    [Fact]
    public void Connections_open_without_a_mutex_and_SQLite_counts_no_memory()
    {
        // Applied by the test assembly's module initializer, before any connection, as the tool applies them at start.
        Assert.True(SqliteProcessSettings.Applied);
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TABLE t (x TEXT); INSERT INTO t VALUES (randomblob(100000)); SELECT count(*) FROM t;";
            Assert.Equal(1L, command.ExecuteScalar());
        }
        // https://www.sqlite.org/c3ref/db_mutex.html: null in single-thread and multi-thread mode.
        Assert.Equal(IntPtr.Zero, sqlite3_db_mutex(connection.Handle!.DangerousGetHandle()));
        // With memory statistics off SQLite keeps no count (100 KB were just allocated for the row).
        Assert.Equal(0, SQLitePCL.raw.sqlite3_memory_used());
    }

    [DllImport("e_sqlite3")]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project for one test-only call.
    private static extern IntPtr sqlite3_db_mutex(IntPtr db);
#pragma warning restore SYSLIB1054
}
