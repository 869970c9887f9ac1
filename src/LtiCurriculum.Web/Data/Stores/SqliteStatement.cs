using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// One prepared statement of the fast paths, driven through SQLitePCL's <c>raw</c> API on a kept-open
/// <see cref="SqliteConnection"/>: values are bound by position (UTF-8 encoded on the stack, not in a new array per
/// value), rows are read column by column, and the statement is reset when its rows are done. A
/// <see cref="SqliteCommand"/> around the same statement allocated a reader, a record, a binder per parameter and a
/// UTF-8 array per text on every run: about 8 % of the tool's CPU and a tenth of its allocations in the first-launch
/// benchmark. Errors are the <see cref="SqliteException"/> Microsoft.Data.Sqlite throws for the same result code.
/// Waiting for a busy database is SQLite's own busy handler (<see cref="SqlitePragmas"/> sets busy_timeout).
/// Not thread-safe: a statement belongs to one <see cref="PreparedConnection"/>, used by one request at a time.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private const int StackBytes = 1024;
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    // SQLite's index (from 1) of each named parameter, by the position the caller binds it at; 0 where the SQL does
    // not use that name (an update given an insert's parameters ignores the keys).
    private readonly int[] _indexes;

    /// <summary>Prepares <paramref name="sql"/> (one statement) whose parameters are bound by their position in <paramref name="parameters"/>.</summary>
    public SqliteStatement(SqliteConnection connection, string sql, params string[] parameters)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v3(_database, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement, out string tail);
        SqliteException.ThrowExceptionForRC(rc, _database);
        try
        {
            if (!string.IsNullOrWhiteSpace(tail))
            {
                throw new ArgumentException("A prepared statement holds exactly one SQL statement.", nameof(sql));
            }
            _indexes = [.. parameters.Select(name => raw.sqlite3_bind_parameter_index(_statement, name))];
            var missing = Enumerable.Range(1, raw.sqlite3_bind_parameter_count(_statement))
                .Where(index => !_indexes.Contains(index))
                .Select(index => raw.sqlite3_bind_parameter_name(_statement, index).utf8_to_string() ?? $"?{index}")
                .ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException($"The SQL uses {string.Join(", ", missing)}, not among the parameters given ({string.Join(", ", parameters)}).", nameof(parameters));
            }
        }
        catch
        {
            _statement.Dispose();
            throw;
        }
    }

    /// <summary>Binds text (or NULL) to the parameter at <paramref name="position"/> (0 is the first).</summary>
    public SqliteStatement Bind(int position, string? value)
    {
        var index = _indexes[position];
        if (index == 0)
        {
            return this;
        }
        int rc;
        if (value is null)
        {
            rc = raw.sqlite3_bind_null(_statement, index);
        }
        else if (value.Length == 0)
        {
            // An empty span would be bound as a null pointer, which SQLite stores as NULL.
            rc = raw.sqlite3_bind_text(_statement, index, value);
        }
        else
        {
            var max = Encoding.UTF8.GetMaxByteCount(value.Length);
            byte[]? rented = null;
            var buffer = max <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(max));
            try
            {
                var length = Encoding.UTF8.GetBytes(value, buffer);
                rc = raw.sqlite3_bind_text(_statement, index, buffer[..length]);
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }
        return Checked(rc);
    }

    /// <summary>Binds an integer to the parameter at <paramref name="position"/> (0 is the first).</summary>
    public SqliteStatement Bind(int position, long value) =>
        _indexes[position] is var index and > 0 ? Checked(raw.sqlite3_bind_int64(_statement, index, value)) : this;

    /// <summary>Binds an integer or NULL to the parameter at <paramref name="position"/> (0 is the first).</summary>
    public SqliteStatement BindOrNull(int position, long? value) => value is { } number
        ? Bind(position, number)
        : _indexes[position] is var index and > 0 ? Checked(raw.sqlite3_bind_null(_statement, index)) : this;

    /// <summary>Runs a statement that returns no rows (or whose rows are not wanted); the number of rows it changed.</summary>
    public int Execute()
    {
        using (var rows = Query())
        {
            while (rows.Next())
            {
            }
        }
        return raw.sqlite3_changes(_database);
    }

    /// <summary>The first column of the first row as an integer (a count, or the id an insert RETURNING gives).</summary>
    public long Scalar()
    {
        using var rows = Query();
        return rows.Next() ? rows.Int64(0) : throw new InvalidOperationException("The statement returned no row.");
    }

    /// <summary>Runs the statement; read its rows with <see cref="Rows.Next"/> and dispose them to reset it.</summary>
    public Rows Query() => new(this);

    public void Dispose() => _statement.Dispose();

    private SqliteStatement Checked(int rc)
    {
        SqliteException.ThrowExceptionForRC(rc, _database);
        return this;
    }

    /// <summary>The rows of one run of a statement, read in place; disposing them resets the statement.</summary>
    public readonly struct Rows(SqliteStatement owner) : IDisposable
    {
        private readonly sqlite3_stmt _statement = owner._statement;

        /// <summary>Steps to the next row: false when there are no more. An error resets the statement and throws.</summary>
        public bool Next()
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW)
            {
                return true;
            }
            if (rc == raw.SQLITE_DONE)
            {
                return false;
            }
            try
            {
                SqliteException.ThrowExceptionForRC(rc, owner._database);
                throw new SqliteException($"SQLite returned {rc} from a step.", rc);
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }

        public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

        public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

        public int Int32(int column) => checked((int)raw.sqlite3_column_int64(_statement, column));

        /// <summary>The column's text; a NULL here is a broken row and throws.</summary>
        public string Text(int column) =>
            TextOrNull(column) ?? throw new InvalidOperationException($"Column {column} is NULL where text is required.");

        public string? TextOrNull(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

        public int? Int32OrNull(int column) => IsNull(column) ? null : Int32(column);

        public long? Int64OrNull(int column) => IsNull(column) ? null : Int64(column);

        public void Dispose() => raw.sqlite3_reset(_statement);
    }
}
