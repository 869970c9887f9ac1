using System.Text.RegularExpressions;
using LtiCurriculum.Web.Install.Registration;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Cli;

/// <summary>`registration url`: the Dynamic Registration URL an admin pastes into the LMS, and rotating its secret.</summary>
public sealed partial class RegistrationUrlTests(ToolFixture fixture) : IClassFixture<ToolFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ToolInstance Tool => fixture.Tool;

    private Task<CliResult> RunAsync(params string[] args) => CliRun.AgainstAsync(Tool.Services, args);

    [GeneratedRegex(@"^https://lti\.example\.edu/lti/register\?secret=(?<secret>[0-9a-f]{48})$")]
    private static partial Regex RegistrationUrl();

    private static string SecretOf(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var match = RegistrationUrl().Match(result.Output.TrimEnd());
        Assert.True(match.Success, $"Not a registration URL alone on stdout: {result.Output}");
        return match.Groups["secret"].Value;
    }

    [Fact]
    public async Task Url_is_the_registration_path_with_the_current_secret_and_stays_the_same()
    {
        var first = SecretOf(await RunAsync("registration", "url", "--base-url", "https://lti.example.edu/"));
        var second = SecretOf(await RunAsync("registration", "url", "--base-url", "https://lti.example.edu"));

        Assert.Equal(first, second);
        Assert.True(await Tool.Services.GetRequiredService<RegistrationSecret>().MatchesAsync(first, Ct));
    }

    [Fact]
    public async Task Rotate_makes_a_new_secret_and_the_old_url_stops_working()
    {
        var secrets = Tool.Services.GetRequiredService<RegistrationSecret>();
        var old = SecretOf(await RunAsync("registration", "url", "--base-url", "https://lti.example.edu"));

        var rotated = await RunAsync("registration", "url", "--rotate", "--base-url", "https://lti.example.edu");

        var fresh = SecretOf(rotated);
        Assert.NotEqual(old, fresh);
        Assert.Contains("no longer work", rotated.Errors, StringComparison.Ordinal);
        Assert.False(await secrets.MatchesAsync(old, Ct));
        Assert.True(await secrets.MatchesAsync(fresh, Ct));
        var entry = await Tool.QueryAsync(db => db.AuditEntries.OrderBy(a => a.Id).LastAsync(Ct));
        Assert.Equal(("cli", "registration secret rotated"), (entry.Actor, entry.Action));
        Assert.DoesNotContain(fresh, entry.Subject + entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_base_url_or_the_setting_it_is_refused_naming_both()
    {
        var result = await RunAsync("registration", "url");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--base-url", result.Errors, StringComparison.Ordinal);
        Assert.Contains("Tool:PublicBaseUrl", result.Errors, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("lti.example.edu")]
    [InlineData("https://lti.example.edu/?x=1")]
    [InlineData("ftp://lti.example.edu")]
    public async Task A_base_url_that_is_not_an_absolute_web_address_is_refused(string baseUrl)
    {
        var result = await RunAsync("registration", "url", "--base-url", baseUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--base-url must be an absolute https URL", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_setting_is_used_when_no_base_url_is_given()
    {
        await using var tool = await ToolInstance.StartAsync(new ToolSettings { Configuration = new Dictionary<string, string?> { ["Tool:PublicBaseUrl"] = "https://lti.example.edu/" } });

        SecretOf(await CliRun.AgainstAsync(tool.Services, "registration", "url"));
    }
}
