using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace LtiCurriculum.Web.Tests.Database;

/// <summary>
/// The tables, indexes and foreign keys a SQL Server migration script creates, read with ScriptDom, and the SQL
/// Server rules they must keep: no index key on a (max) column, index keys within 1,700 bytes (nonclustered) or
/// 900 bytes (clustered), and no table reached by two cascading paths (SQL Server refuses the foreign key: error 1785).
/// </summary>
internal sealed class SqlServerSchema
{
    private readonly Dictionary<string, Dictionary<string, DataTypeReference>> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Table, string Name, bool Clustered, List<string> Columns)> _indexes = [];
    private readonly List<(string From, string To)> _cascades = [];

    public static SqlServerSchema Read(TSqlScript script)
    {
        var schema = new SqlServerSchema();
        script.Accept(new Reader(schema));
        return schema;
    }

    public IEnumerable<string> IndexesOnMaxColumns() =>
        _indexes.SelectMany(i => i.Columns.Where(c => IsMax(Type(i.Table, c))).Select(c => $"{i.Table}.{i.Name} on {c} (max)"));

    public IEnumerable<string> IndexKeysOverLimit() =>
        _indexes.Select(i => (Index: i, Bytes: i.Columns.Sum(c => Bytes(Type(i.Table, c)))))
            .Where(x => x.Bytes > (x.Index.Clustered ? 900 : 1700))
            .Select(x => $"{x.Index.Table}.{x.Index.Name}: {x.Bytes} bytes");

    public IEnumerable<string> TablesWithMultipleCascadePaths()
    {
        foreach (var start in _cascades.Select(c => c.To).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            // Count the distinct cascading paths from each parent to every table below it.
            var paths = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var stack = new Stack<string>([start]);
            while (stack.Count > 0)
            {
                var table = stack.Pop();
                foreach (var child in _cascades.Where(c => string.Equals(c.To, table, StringComparison.OrdinalIgnoreCase)).Select(c => c.From))
                {
                    paths[child] = paths.GetValueOrDefault(child) + 1;
                    stack.Push(child);
                }
            }
            foreach (var (table, count) in paths.Where(p => p.Value > 1))
            {
                yield return $"{table} is reached from {start} by {count} cascading paths";
            }
        }
    }

    private DataTypeReference? Type(string table, string column) =>
        _columns.TryGetValue(table, out var columns) && columns.TryGetValue(column, out var type) ? type : null;

    private static bool IsMax(DataTypeReference? type) =>
        type is SqlDataTypeReference { Parameters: [{ } p] } && p is MaxLiteral;

    private static int Bytes(DataTypeReference? type)
    {
        if (type is not SqlDataTypeReference sql)
        {
            return 0;
        }
        var length = sql.Parameters.Count > 0 && int.TryParse(sql.Parameters[0].Value, out var n) ? n : 1;
        return sql.SqlDataTypeOption switch
        {
            SqlDataTypeOption.NVarChar or SqlDataTypeOption.NChar => 2 * length,
            SqlDataTypeOption.VarChar or SqlDataTypeOption.Char or SqlDataTypeOption.VarBinary or SqlDataTypeOption.Binary => length,
            SqlDataTypeOption.BigInt => 8,
            SqlDataTypeOption.Int => 4,
            SqlDataTypeOption.SmallInt => 2,
            SqlDataTypeOption.TinyInt or SqlDataTypeOption.Bit => 1,
            SqlDataTypeOption.DateTimeOffset => 10,
            SqlDataTypeOption.DateTime2 or SqlDataTypeOption.DateTime => 8,
            SqlDataTypeOption.UniqueIdentifier => 16,
            SqlDataTypeOption.Decimal or SqlDataTypeOption.Numeric => 17,
            _ => 8,
        };
    }

    private static string Name(SchemaObjectName name) => name.BaseIdentifier.Value;

    private sealed class Reader(SqlServerSchema schema) : TSqlFragmentVisitor
    {
        public override void Visit(CreateTableStatement node)
        {
            var table = Name(node.SchemaObjectName);
            var columns = schema._columns.TryGetValue(table, out var existing) ? existing : schema._columns[table] = new(StringComparer.OrdinalIgnoreCase);
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                columns[column.ColumnIdentifier.Value] = column.DataType;
            }
            foreach (var constraint in node.Definition.TableConstraints)
            {
                Constraint(table, constraint);
            }
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            var table = Name(node.SchemaObjectName);
            var columns = schema._columns.TryGetValue(table, out var existing) ? existing : schema._columns[table] = new(StringComparer.OrdinalIgnoreCase);
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                columns[column.ColumnIdentifier.Value] = column.DataType;
            }
            foreach (var constraint in node.Definition.TableConstraints)
            {
                Constraint(table, constraint);
            }
        }

        public override void Visit(CreateIndexStatement node) =>
            schema._indexes.Add((Name(node.OnName), node.Name.Value, node.Clustered == true, [.. node.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value)]));

        private void Constraint(string table, ConstraintDefinition constraint)
        {
            switch (constraint)
            {
                case UniqueConstraintDefinition unique:
                    schema._indexes.Add((table, unique.ConstraintIdentifier?.Value ?? "unique", unique.IsPrimaryKey && unique.Clustered != false,
                        [.. unique.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value)]));
                    break;
                case ForeignKeyConstraintDefinition foreign when foreign.DeleteAction is DeleteUpdateAction.Cascade or DeleteUpdateAction.SetNull:
                    schema._cascades.Add((table, Name(foreign.ReferenceTableName)));
                    break;
            }
        }
    }
}
