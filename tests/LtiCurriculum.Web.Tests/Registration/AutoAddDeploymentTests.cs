using System.Net;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Tests.Registration;

/// <summary>
/// Lti:AutoAddDeployments: a dynamically registered platform may name a deployment the tool has not seen yet (Canvas
/// answers the registration without one). On, the verified launch adds it; off, the page says how an administrator does.
/// </summary>
[Trait("Category", ServerDatabaseMatrix.Category)]
public sealed class AutoAddDeploymentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(ToolInstance Tool, RegistrationPlatform Platform)> RegisteredAsync(bool autoAdd, string clientId)
    {
        var tool = await ToolInstance.StartAsync(new ToolSettings
        {
            Configuration = new Dictionary<string, string?>
            {
                ["Registration:AllowInsecureLoopback"] = "true",
                ["Lti:AutoAddDeployments"] = autoAdd ? "true" : "false",
            },
        });
        var platform = await RegistrationPlatform.StartAsync();
        platform.ProductFamily = "canvas";
        platform.RegistrationAnswer = (200, $$"""{"client_id":"{{clientId}}"}""");
        using var browser = tool.NewBrowser();
        var form = (await browser.GetAsync(await platform.RegistrationUrlAsync(tool))).Form();
        var done = await browser.SubmitAsync(form.With("action", "confirm"));
        Assert.Contains("the LMS will send it with the first launch", done.Text, StringComparison.Ordinal);
        return (tool, platform);
    }

    [Fact]
    public async Task Unknown_deployment_of_a_registered_platform_is_added_when_on()
    {
        var (tool, platform) = await RegisteredAsync(autoAdd: true, "auto-client");
        await using var _ = tool;
        await using var __ = platform;
        using var browser = tool.NewBrowser();

        var launch = await platform.LaunchAsync(browser, tool, "auto-client", "canvas-account-1");

        Assert.True(launch.Status == HttpStatusCode.SeeOther, launch.ToString());
        var deployments = await tool.QueryAsync(db => db.Platforms.AsNoTracking().Include(p => p.Deployments).Where(p => p.ClientId == "auto-client").SelectMany(p => p.Deployments.Select(d => d.DeploymentId)).ToListAsync(Ct));
        Assert.Equal(["canvas-account-1"], deployments);
        var audit = await tool.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "deployment added", Ct));
        Assert.Equal("launch", audit.Actor);
        Assert.Contains("canvas-account-1", audit.Subject, StringComparison.Ordinal);

        using var again = tool.NewBrowser();
        Assert.Equal(HttpStatusCode.SeeOther, (await platform.LaunchAsync(again, tool, "auto-client", "canvas-account-1")).Status);
    }

    [Fact]
    public async Task Unknown_deployment_named_only_in_the_launch_is_refused_with_the_command_when_off()
    {
        var (tool, platform) = await RegisteredAsync(autoAdd: false, "launch-only-client");
        await using var _ = tool;
        await using var __ = platform;
        using var browser = tool.NewBrowser();

        var page = await platform.LaunchAsync(browser, tool, "launch-only-client", "canvas-course-9", deploymentAtLogin: false);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("deployment_unknown", page.ReasonCode);
        Assert.Contains("Deployment id: canvas-course-9", page.Text, StringComparison.Ordinal);
        Assert.Contains($"deployments add --issuer {platform.Issuer} --client-id launch-only-client --deployment-id canvas-course-9", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_deployment_is_refused_with_the_command_that_adds_it_when_off()
    {
        var (tool, platform) = await RegisteredAsync(autoAdd: false, "manual-client");
        await using var _ = tool;
        await using var __ = platform;
        using var browser = tool.NewBrowser();

        var page = await platform.LaunchAsync(browser, tool, "manual-client", "canvas-account-2");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("login_deployment_unknown", page.ReasonCode);
        Assert.Contains($"deployments add --issuer {platform.Issuer} --client-id manual-client --deployment-id canvas-account-2", page.Text, StringComparison.Ordinal);
        Assert.False(await tool.QueryAsync(db => db.Deployments.AnyAsync(d => d.DeploymentId == "canvas-account-2", Ct)));
    }
}
