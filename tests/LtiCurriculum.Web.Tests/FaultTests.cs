using System.Net;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Web.Tests;

/// <summary>An unexpected failure (here: the database file vanishes) gives a plain page with a correlation id, never a stack trace.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Unexpected_error_shows_a_plain_page_with_a_correlation_id_even_in_development()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var browser = tool.NewBrowser();
        var token = (await browser.LaunchAsync(tool)).SessionToken;
        File.Delete(tool.DatabaseFile);
        SqliteConnection.ClearAllPools();

        var page = await browser.GetAsync(tool.Url($"/launch/landing?lti_session={Uri.EscapeDataString(token)}"));

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("Correlation id", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("LtiCurriculum.Web.", page.Html, StringComparison.Ordinal);
        Assert.Equal("same-origin", page.Header("Referrer-Policy"));
    }
}
