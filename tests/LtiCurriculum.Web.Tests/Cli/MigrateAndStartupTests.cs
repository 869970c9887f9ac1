using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Install.Cli;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Cli;

/// <summary>
/// The CLI as the process runs it: the app is built only when a command needs it, and start-up tasks (which
/// migrate) run only for commands that need a ready database.
/// </summary>
public sealed class MigrateAndStartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Like Program.RunCliAsync: built on first use, prepared by StartupTasks.</summary>
    private static async Task<CliResult> RunAsync(WebApplication app, params string[] args) =>
        await CliRun.RunAsync((output, errors) => new CliContext(() => app.Services, StartupTasks.RunAsync, output, errors), args);

    private static async Task<List<string>> TablesAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }

    [Fact]
    public async Task Migrate_on_an_empty_database_file_creates_the_schema_and_says_what_it_applied()
    {
        using var folder = new TempFolder();
        await using var app = ToolInstance.Build(new ToolSettings(), folder.DatabaseFile);

        var before = await RunAsync(app, "migrate", "--list");
        Assert.Equal(0, before.ExitCode);
        Assert.DoesNotContain("applied\t", before.Output, StringComparison.Ordinal);
        Assert.Contains("pending\t", before.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Platforms", await TablesAsync(folder.DatabaseFile));

        var migrated = await RunAsync(app, "migrate");

        Assert.True(migrated.ExitCode == 0, migrated.ToString());
        Assert.Contains("applied\t", migrated.Output, StringComparison.Ordinal);
        Assert.Contains("the database is up to date", migrated.Output, StringComparison.Ordinal);
        Assert.Contains("Platforms", await TablesAsync(folder.DatabaseFile));
        var after = await RunAsync(app, "migrate", "--list");
        Assert.DoesNotContain("pending\t", after.Output, StringComparison.Ordinal);
        Assert.Equal(before.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, after.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("no migration was pending", (await RunAsync(app, "migrate")).Output, StringComparison.Ordinal);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<Data.LtiDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "migrate", Ct));
    }

    [Fact]
    public async Task Migrate_works_where_migrate_on_start_is_off_and_other_commands_then_find_the_schema()
    {
        using var folder = new TempFolder();
        var settings = new ToolSettings { Configuration = new Dictionary<string, string?> { ["Database:MigrateAtStart"] = "false" } };
        await using (var app = ToolInstance.Build(settings, folder.DatabaseFile))
        {
            var unmigrated = await RunAsync(app, "platforms", "list");
            Assert.True(unmigrated.ExitCode == 3, unmigrated.ToString());
            Assert.Contains("'migrate'", unmigrated.Errors, StringComparison.Ordinal);
        }
        await using (var app = ToolInstance.Build(settings, folder.DatabaseFile))
        {
            Assert.Equal(0, (await RunAsync(app, "migrate")).ExitCode);
            var listed = await RunAsync(app, "platforms", "list");
            Assert.True(listed.ExitCode == 0, listed.ToString());
        }
    }

    [Fact]
    public async Task Migrate_script_prints_the_sql_and_changes_nothing()
    {
        using var folder = new TempFolder();
        var settings = new ToolSettings { Configuration = new Dictionary<string, string?> { ["Database:MigrateAtStart"] = "false" } };
        await using var app = ToolInstance.Build(settings, folder.DatabaseFile);

        var script = await RunAsync(app, "migrate", "--script");

        Assert.True(script.ExitCode == 0, script.ToString());
        Assert.Contains("CREATE TABLE", script.Output, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsHistory", script.Output, StringComparison.Ordinal);
        var list = await RunAsync(app, "migrate", "--list");
        Assert.DoesNotContain("applied\t", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_database_behind_this_version_stops_the_app_naming_the_migrate_command()
    {
        using var folder = new TempFolder();
        var settings = new ToolSettings { Configuration = new Dictionary<string, string?> { ["Database:MigrateAtStart"] = "false" } };
        await using var app = ToolInstance.Build(settings, folder.DatabaseFile);

        var error = await Assert.ThrowsAsync<LtiCurriculum.Web.Hosting.ConfigurationException>(() => LtiCurriculum.Web.Hosting.StartupTasks.RunAsync(app.Services, Ct));

        Assert.Contains("'migrate' command", error.Message, StringComparison.Ordinal);
        Assert.Contains("Database:MigrateAtStart", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_commands_run_the_start_up_tasks_first_so_a_new_database_is_migrated()
    {
        using var folder = new TempFolder();
        await using var app = ToolInstance.Build(new ToolSettings(), folder.DatabaseFile);

        var keys = await RunAsync(app, "keys", "list");

        Assert.True(keys.ExitCode == 0, keys.ToString());
        Assert.Contains("current (signs)", keys.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Packs_validate_and_help_need_neither_settings_nor_a_database()
    {
        using var packs = new TempFolder();
        static CliContext NoApp(TextWriter output, TextWriter errors) =>
            new(() => throw new InvalidOperationException("The app must not be built."), (_, _) => throw new InvalidOperationException("Nothing must be prepared."), output, errors);

        var validated = await CliRun.RunAsync(NoApp, "packs", "validate", packs.Path);
        var help = await CliRun.RunAsync(NoApp, "platforms", "add", "--help");

        Assert.Equal(1, validated.ExitCode); // an empty folder holds no pack
        Assert.Equal(0, help.ExitCode);
    }

    [Fact]
    public async Task A_configuration_error_is_exit_code_3_naming_the_setting()
    {
        static CliContext BadSettings(TextWriter output, TextWriter errors) =>
            new(() => throw new ConfigurationException("Database:Provider 'Oracle' is not supported. Use Sqlite or SqlServer."), (_, _) => Task.CompletedTask, output, errors);

        var result = await CliRun.RunAsync(BadSettings, "platforms", "list");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Configuration error: Database:Provider", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("platforms --help")]
    [InlineData("platforms list --help")]
    [InlineData("platforms add --help")]
    [InlineData("platforms update --help")]
    [InlineData("platforms disable --help")]
    [InlineData("platforms enable --help")]
    [InlineData("platforms remove --help")]
    [InlineData("deployments add --help")]
    [InlineData("deployments remove --help")]
    [InlineData("keys list --help")]
    [InlineData("keys rotate --help")]
    [InlineData("keys retire --help")]
    [InlineData("registration url --help")]
    [InlineData("migrate --help")]
    [InlineData("packs list --help")]
    [InlineData("packs validate --help")]
    [InlineData("grades list --help")]
    [InlineData("grades retry --help")]
    [InlineData("audit list --help")]
    public async Task Every_command_has_help(string line)
    {
        var result = await CliRun.RunAsync((o, e) => new CliContext(() => throw new InvalidOperationException(), (_, _) => Task.CompletedTask, o, e), line.Split(' '));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Description:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_help_documents_the_exit_codes_and_add_help_each_option()
    {
        static CliContext NoApp(TextWriter o, TextWriter e) => new(() => throw new InvalidOperationException(), (_, _) => Task.CompletedTask, o, e);

        var root = await CliRun.RunAsync(NoApp, "platforms", "--help");
        var add = await CliRun.RunAsync(NoApp, "platforms", "add", "--help");
        using var output = new StringWriter();
        var rootHelp = await new AdminCli(NoApp(output, output)).Root.Parse(["--help"]).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output }, Ct);

        Assert.Equal(0, rootHelp);
        Assert.Contains("3 configuration invalid or database unavailable", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("disable", root.Output, StringComparison.Ordinal);
        foreach (var option in new[] { "--issuer", "--client-id", "--authorization-endpoint", "--token-endpoint", "--token-audience", "--jwks-uri", "--deployment-id" })
        {
            Assert.Contains(option, add.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--help" }, false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, false)]
    [InlineData(new[] { "platforms", "list" }, true)]
    [InlineData(new[] { "migrate" }, true)]
    [InlineData(new[] { "audit", "list" }, true)]
    public void Only_a_command_name_first_runs_the_cli_anything_else_starts_the_web_app(string[] args, bool isCommand) =>
        Assert.Equal(isCommand, AdminCli.IsCommand(args));
}
