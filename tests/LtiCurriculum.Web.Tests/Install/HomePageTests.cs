using System.Net;
using LtiCurriculum.Web.Install.Registration;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Web.Tests.Install;

/// <summary>The tool's home page: where an LMS administrator starts.</summary>
public sealed class HomePageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<WebPage> OpenAsync(ToolInstance tool)
    {
        using var browser = tool.NewBrowser();
        var page = await browser.GetAsync(tool.Url("/"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }

    [Fact]
    public async Task Home_page_shows_the_registration_url_in_development()
    {
        await using var tool = await ToolInstance.StartAsync();

        var page = await OpenAsync(tool);

        var secret = await tool.Services.GetRequiredService<RegistrationSecret>().GetOrCreateAsync("test", Ct);
        Assert.Contains($"<code>{RegistrationSecret.RegistrationUrl(tool.Origin, secret)}</code>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_in_production_links_the_documents_and_says_how_to_print_the_registration_url_without_showing_it()
    {
        await using var tool = await ToolInstance.StartAsync(new ToolSettings { Environment = "Production", DevPlatform = false });

        var page = await OpenAsync(tool);

        Assert.DoesNotContain("/lti/register", page.Html, StringComparison.Ordinal);
        Assert.Contains("/lti-config/canvas.json", page.Links);
        Assert.Contains("/lti-config/moodle", page.Links);
        Assert.Contains("dotnet LtiCurriculum.Web.dll registration url", page.Text, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/LtiCurriculum.Web -- registration url", page.Text, StringComparison.Ordinal);
        var secrets = await tool.QueryAsync(db => db.ToolSettings.CountAsync(s => s.Name == RegistrationSecret.SettingName, Ct));
        Assert.Equal(0, secrets);
    }
}
