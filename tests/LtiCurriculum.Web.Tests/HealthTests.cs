using System.Net;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests;

/// <summary>/health/live says the process answers; /health/ready also checks the database.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_when_the_database_is_there()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var browser = tool.NewBrowser();

        var live = await browser.GetAsync(tool.Url("/health/live"));
        var ready = await browser.GetAsync(tool.Url("/health/ready"));

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Html);
    }

    [Fact]
    public async Task Ready_reports_a_missing_database_while_live_stays_up()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var browser = tool.NewBrowser();
        File.Delete(tool.DatabaseFile);

        var live = await browser.GetAsync(tool.Url("/health/live"));
        var ready = await browser.GetAsync(tool.Url("/health/ready"));

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Html);
    }
}
