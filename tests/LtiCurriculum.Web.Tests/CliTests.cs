using System.Net;
using System.Text.RegularExpressions;
using LtiCurriculum.Web.Tests.Cli;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests;

/// <summary>The admin commands (`platforms …`, `keys …`) run against the app's database.</summary>
public sealed partial class CliTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ToolInstance Tool => fixture.Tool;

    private Task<CliResult> RunAsync(params string[] args) => CliRun.AgainstAsync(Tool.Services, args);

    private Task<int> PlatformCountAsync() => Tool.QueryAsync(db => db.Platforms.CountAsync(Ct));

    private Task<int> AuditCountAsync() => Tool.QueryAsync(db => db.AuditEntries.CountAsync(Ct));

    private static string[] ValidAdd(string issuer, string clientId = "cli-client") =>
    [
        "platforms", "add",
        "--issuer", issuer,
        "--client-id", clientId,
        "--authorization-endpoint", issuer + "/mod/lti/auth.php",
        "--token-endpoint", issuer + "/mod/lti/token.php",
        "--jwks-uri", issuer + "/mod/lti/certs.php",
        "--deployment-id", "7",
        "--deployment-id", "8",
    ];

    [Fact]
    public async Task Platforms_add_with_missing_fields_names_each_option_and_writes_nothing()
    {
        var before = await PlatformCountAsync();
        var audits = await AuditCountAsync();

        var result = await RunAsync("platforms", "add", "--issuer", "https://moodle.missing.test");

        Assert.Equal(1, result.ExitCode);
        foreach (var option in new[] { "--client-id", "--authorization-endpoint", "--token-endpoint", "--jwks-uri", "--deployment-id" })
        {
            Assert.Contains(option, result.Errors, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("--issuer", result.Errors, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", result.Errors, StringComparison.Ordinal);
        Assert.Equal(before, await PlatformCountAsync());
        Assert.Equal(audits, await AuditCountAsync());
    }

    [Fact]
    public async Task Platforms_add_with_invalid_urls_names_each_option_and_writes_nothing()
    {
        var before = await PlatformCountAsync();
        var args = ValidAdd("https://moodle.invalid.test");
        args[Array.IndexOf(args, "--jwks-uri") + 1] = "not a url";
        args[Array.IndexOf(args, "--token-endpoint") + 1] = "ftp://moodle.invalid.test/token";

        var result = await RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--jwks-uri", result.Errors, StringComparison.Ordinal);
        Assert.Contains("--token-endpoint", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("--authorization-endpoint", result.Errors, StringComparison.Ordinal);
        Assert.Equal(before, await PlatformCountAsync());
    }

    [Fact]
    public async Task Platforms_add_then_list_shows_it_and_remove_removes_it()
    {
        var issuer = "https://moodle.cli.test";

        var added = await RunAsync(ValidAdd(issuer));
        Assert.True(added.ExitCode == 0, added.Errors);
        var listed = await RunAsync("platforms", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(issuer, listed.Output, StringComparison.Ordinal);
        Assert.Contains("client cli-client", listed.Output, StringComparison.Ordinal);
        Assert.Contains("deployments 7,8", listed.Output, StringComparison.Ordinal);
        Assert.Equal(1, await Tool.QueryAsync(db => db.Platforms.CountAsync(p => p.Issuer == issuer && p.Source == "cli", Ct)));
        var entry = await Tool.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "platforms add" && a.Subject.Contains(issuer), Ct));
        Assert.Equal("cli", entry.Actor);
        Assert.Contains("deployments 7,8", entry.Details, StringComparison.Ordinal);

        var removed = await RunAsync("platforms", "remove", "--issuer", issuer, "--client-id", "cli-client");
        Assert.True(removed.ExitCode == 0, removed.Errors);
        Assert.DoesNotContain(issuer, (await RunAsync("platforms", "list")).Output, StringComparison.Ordinal);
        Assert.Equal(0, await Tool.QueryAsync(db => db.Platforms.CountAsync(p => p.Issuer == issuer, Ct)));
        Assert.Equal(1, await Tool.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "platforms remove" && a.Subject.Contains(issuer), Ct)));
    }

    [Fact]
    public async Task Platform_added_by_the_cli_can_start_logins_until_it_is_removed()
    {
        // 1A-6: a removed registration is unknown at once in this process
        var issuer = "https://canvas.cli.test";
        Assert.Equal(0, (await RunAsync(ValidAdd(issuer, "canvas-client"))).ExitCode);
        List<KeyValuePair<string, string>> login =
        [
            new("iss", issuer), new("login_hint", "u1"), new("target_link_uri", Tool.Origin + "/lti/launch"), new("client_id", "canvas-client"),
        ];
        using var browser = Tool.NewBrowser();

        var accepted = await browser.PostFormAsync(Tool.Url("/lti/login"), login);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.StartsWith(issuer + "/mod/lti/auth.php?", accepted.Location!.AbsoluteUri, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("platforms", "remove", "--issuer", issuer, "--client-id", "canvas-client")).ExitCode);
        var refused = await browser.PostFormAsync(Tool.Url("/lti/login"), login);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("login_platform_unknown", refused.ReasonCode);
    }

    [Fact]
    public async Task Platforms_remove_of_an_unknown_platform_is_refused()
    {
        var result = await RunAsync("platforms", "remove", "--issuer", "https://nobody.test", "--client-id", "nobody");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        var before = await PlatformCountAsync();
        var result = await RunAsync([.. ValidAdd("https://moodle.unknown-option.test"), "--colour", "blue"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--colour", result.Errors, StringComparison.Ordinal);
        Assert.Equal(before, await PlatformCountAsync());
    }

    [Fact]
    public async Task Keys_rotate_makes_the_next_key_sign_keeps_the_old_one_published_and_the_current_one_cannot_be_retired()
    {
        var before = (await ToolKeyTests.ReadKeysAsync(Tool)).Select(k => k.GetProperty("kid").GetString()!).ToList();
        Assert.Equal(2, before.Count);
        var (oldCurrent, oldNext) = (before[0], before[1]);

        var rotated = await RunAsync("keys", "rotate");
        Assert.Equal(0, rotated.ExitCode);
        var after = (await ToolKeyTests.ReadKeysAsync(Tool)).Select(k => k.GetProperty("kid").GetString()!).ToList();
        Assert.Equal(3, after.Count);
        Assert.Equal(oldNext, after[0]);
        Assert.Equal(oldCurrent, after[2]);
        var newNext = after[1];
        Assert.DoesNotContain(newNext, before);
        var list = (await RunAsync("keys", "list")).Output.Split('\n');
        Assert.Contains("current (signs)", list.Single(l => l.StartsWith(oldNext, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("retired", list.Single(l => l.StartsWith(oldCurrent, StringComparison.Ordinal)), StringComparison.Ordinal);

        var refused = await RunAsync("keys", "retire", oldNext);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("keys rotate", refused.Errors, StringComparison.Ordinal);
        Assert.Contains(oldNext, (await ToolKeyTests.ReadKeysAsync(Tool)).Select(k => k.GetProperty("kid").GetString()));
    }

    [Fact]
    public async Task Keys_retire_of_an_unknown_key_is_refused()
    {
        var result = await RunAsync("keys", "retire", "no-such-kid");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no-such-kid", result.Errors, StringComparison.Ordinal);
    }
}
