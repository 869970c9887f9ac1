using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Tests.Cli;

/// <summary>`platforms update|disable|enable|remove`, `deployments add|remove` and `audit list` against one running tool.</summary>
public sealed class PlatformCommandTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ToolInstance Tool => fixture.Tool;

    private Task<CliResult> RunAsync(params string[] args) => CliRun.AgainstAsync(Tool.Services, args);

    private async Task<int> AddAsync(string issuer, string clientId = "client")
    {
        var added = await RunAsync("platforms", "add", "--issuer", issuer, "--client-id", clientId,
            "--authorization-endpoint", issuer + "/auth", "--token-endpoint", issuer + "/token", "--jwks-uri", issuer + "/jwks", "--deployment-id", "d1");
        Assert.True(added.ExitCode == 0, added.ToString());
        return await Tool.QueryAsync(db => db.Platforms.Where(p => p.Issuer == issuer).Select(p => p.Id).SingleAsync(Ct));
    }

    private Task<int> AuditCountAsync(string action) => Tool.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == action, Ct));

    [Fact]
    public async Task Add_of_a_registered_issuer_and_client_id_is_refused_pointing_to_update()
    {
        var id = await AddAsync("https://twice.lms.test");
        var audits = await AuditCountAsync("platforms add");

        var again = await RunAsync("platforms", "add", "--issuer", "https://twice.lms.test", "--client-id", "client",
            "--authorization-endpoint", "https://twice.lms.test/other", "--token-endpoint", "https://twice.lms.test/token", "--jwks-uri", "https://twice.lms.test/jwks", "--deployment-id", "d1");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("platforms update --id " + id, again.Errors, StringComparison.Ordinal);
        Assert.Equal(audits, await AuditCountAsync("platforms add"));
        Assert.Equal("https://twice.lms.test/auth", await Tool.QueryAsync(db => db.Platforms.Where(p => p.Id == id).Select(p => p.AuthorizationEndpoint).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Update_changes_only_the_options_given_and_records_it()
    {
        var id = await AddAsync("https://update.lms.test");

        var updated = await RunAsync("platforms", "update", "--issuer", "https://update.lms.test", "--client-id", "client", "--token-endpoint", "https://update.lms.test/oauth2/token");

        Assert.True(updated.ExitCode == 0, updated.ToString());
        var platform = await Tool.QueryAsync(db => db.Platforms.Include(p => p.Deployments).SingleAsync(p => p.Id == id, Ct));
        Assert.Equal("https://update.lms.test/oauth2/token", platform.TokenEndpoint);
        Assert.Equal("https://update.lms.test/auth", platform.AuthorizationEndpoint);
        Assert.Equal("https://update.lms.test/jwks", platform.JwksUri);
        Assert.Equal(["d1"], platform.Deployments.Select(d => d.DeploymentId));
        var entry = await Tool.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "platforms update").OrderBy(a => a.Id).LastAsync(Ct));
        Assert.Equal("cli", entry.Actor);
        Assert.Contains("https://update.lms.test", entry.Subject, StringComparison.Ordinal);
        Assert.Contains("oauth2/token", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_that_breaks_a_rule_names_the_option_and_writes_nothing()
    {
        var id = await AddAsync("https://bad-update.lms.test");
        var audits = await AuditCountAsync("platforms update");

        var refused = await RunAsync("platforms", "update", "--id", id.ToString(), "--jwks-uri", "ftp://bad-update.lms.test/jwks", "--token-endpoint", "https://bad-update.lms.test/new-token");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--jwks-uri must be an absolute https URL", refused.Errors, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", refused.Errors, StringComparison.Ordinal);
        Assert.Equal("https://bad-update.lms.test/token", await Tool.QueryAsync(db => db.Platforms.Where(p => p.Id == id).Select(p => p.TokenEndpoint).SingleAsync(Ct)));
        Assert.Equal(audits, await AuditCountAsync("platforms update"));
    }

    [Theory]
    [InlineData("platforms update --token-endpoint https://x.test/t", "Name the platform with --id N")]
    [InlineData("platforms update --id 1 --issuer https://x.test --client-id c --jwks-uri https://x.test/j", "not both")]
    [InlineData("platforms disable --issuer https://x.test", "both --issuer and --client-id")]
    [InlineData("platforms remove --id 0", "--id must be a positive whole number, not '0'")]
    [InlineData("platforms update --id 1", "Say what to change")]
    [InlineData("deployments add --id 1", "--deployment-id")]
    [InlineData("platforms", "Required command was not provided")]
    [InlineData("platforms rename --id 1", "Unrecognized command or argument 'rename'")]
    public async Task Malformed_platform_commands_are_usage_errors(string line, string message)
    {
        var result = await RunAsync(line.Split(' '));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("platforms update --id 999999 --jwks-uri https://x.test/j")]
    [InlineData("platforms disable --id 999999")]
    [InlineData("platforms enable --issuer https://nobody.test --client-id c")]
    [InlineData("platforms remove --id 999999")]
    [InlineData("deployments add --id 999999 --deployment-id d9")]
    public async Task Commands_on_an_unknown_platform_are_refused(string line)
    {
        var result = await RunAsync(line.Split(' '));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("No platform with", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deployments_are_added_and_removed_but_never_the_last_one_or_a_duplicate()
    {
        var id = (await AddAsync("https://deployments.lms.test")).ToString();

        Assert.Equal(0, (await RunAsync("deployments", "add", "--id", id, "--deployment-id", "d2", "--deployment-id", "@d3")).ExitCode);
        var duplicate = await RunAsync("deployments", "add", "--id", id, "--deployment-id", "d2");
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("--deployment-id d2 is already registered", duplicate.Errors, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("deployments", "remove", "--id", id, "--deployment-id", "d1", "--deployment-id", "@d3")).ExitCode);
        var unknown = await RunAsync("deployments", "remove", "--id", id, "--deployment-id", "d7");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("d7 is not registered", unknown.Errors, StringComparison.Ordinal);
        var last = await RunAsync("deployments", "remove", "--id", id, "--deployment-id", "d2");
        Assert.Equal(1, last.ExitCode);
        Assert.Contains("--deployment-id must list at least one deployment id", last.Errors, StringComparison.Ordinal);

        Assert.Contains("deployments d2\t", (await RunAsync("platforms", "list")).Output, StringComparison.Ordinal);
        Assert.Equal(2, await Tool.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("deployments ") && a.Subject.Contains("deployments.lms.test"), Ct)));
    }

    [Fact]
    public async Task Disable_and_enable_are_recorded_listed_and_idempotent()
    {
        var number = await AddAsync("https://disable.lms.test");
        var id = number.ToString();

        Assert.Equal(0, (await RunAsync("platforms", "disable", "--id", id)).ExitCode);
        Assert.Contains("DISABLED", (await RunAsync("platforms", "list")).Output.Split('\n').Single(l => l.StartsWith(id + "\t", StringComparison.Ordinal)), StringComparison.Ordinal);
        var again = await RunAsync("platforms", "disable", "--id", id);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("nothing changed", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("platforms", "enable", "--id", id)).ExitCode);
        Assert.False(await Tool.QueryAsync(db => db.Platforms.Where(p => p.Id == number).Select(p => p.IsDisabled).SingleAsync(Ct)));

        var audit = await RunAsync("audit", "list", "--take", "3");
        Assert.Equal(0, audit.ExitCode);
        var lines = audit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("\tcli\tplatforms enable\tplatform " + id, lines[0], StringComparison.Ordinal);
        Assert.Contains("\tcli\tplatforms disable\tplatform " + id, lines[1], StringComparison.Ordinal);
        Assert.True(lines.Length <= 3);
    }

    [Fact]
    public async Task Audit_list_take_must_be_a_positive_number()
    {
        var result = await RunAsync("audit", "list", "--take", "lots");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--take must be a positive whole number, not 'lots'", result.Errors, StringComparison.Ordinal);
    }
}
