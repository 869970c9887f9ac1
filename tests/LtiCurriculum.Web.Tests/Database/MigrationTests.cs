using LtiCurriculum.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace LtiCurriculum.Web.Tests.Database;

/// <summary>
/// Each provider's committed migrations describe today's model, and the SQL Server script (never run on these
/// machines) parses and keeps SQL Server's rules.
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Providers => ["Sqlite", "SqlServer", "PostgreSql"];

    internal static LtiDbContext Context(string provider) => provider switch
    {
        "Sqlite" => new SqliteLtiDbContext(new DbContextOptionsBuilder<SqliteLtiDbContext>().UseSqlite("Data Source=:memory:").Options),
        "SqlServer" => new SqlServerLtiDbContext(new DbContextOptionsBuilder<SqlServerLtiDbContext>().UseSqlServer("Server=unused;Database=unused").Options),
        _ => new PostgreSqlLtiDbContext(new DbContextOptionsBuilder<PostgreSqlLtiDbContext>().UseNpgsql("Host=unused;Database=unused").Options),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Committed_migrations_match_the_model(string provider)
    {
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes no migration covers: run dotnet ef migrations add NAME --context {db.GetType().Name}.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Sql_server_idempotent_script_parses_without_errors()
    {
        var (script, errors) = ParseSqlServerScript();

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.NotEmpty(script.Batches);
    }

    [Fact]
    public void Sql_server_script_keeps_index_and_cascade_rules()
    {
        var (script, _) = ParseSqlServerScript();
        var schema = SqlServerSchema.Read(script);

        Assert.Empty(schema.IndexesOnMaxColumns());
        Assert.Empty(schema.IndexKeysOverLimit());
        Assert.Empty(schema.TablesWithMultipleCascadePaths());
    }

    [Fact]
    public void Sql_server_stores_instants_as_datetimeoffset()
    {
        using var db = Context("SqlServer");
        var wrong = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e, Property: p)))
            .Where(x => x.Property.ClrType == typeof(DateTimeOffset) || x.Property.ClrType == typeof(DateTimeOffset?))
            .Select(x => (Name: $"{x.Entity.GetTableName()}.{x.Property.GetColumnName()}", Type: x.Property.GetColumnType()))
            .Where(x => x.Type != "datetimeoffset")
            .Select(x => $"{x.Name} is {x.Type}")
            .ToList();

        Assert.Empty(wrong);
    }

    private static (TSqlScript Script, IList<ParseError> Errors) ParseSqlServerScript()
    {
        using var db = Context("SqlServer");
        var sql = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var script = (TSqlScript)parser.Parse(reader, out var errors);
        return (script, errors);
    }
}
