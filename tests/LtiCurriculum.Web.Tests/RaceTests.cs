using System.Net;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Tests;

/// <summary>Two first launches of the same person into the same link at the same moment (two tabs, a double click).</summary>
[Trait("Category", ServerDatabaseMatrix.Category)]
public sealed class RaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Racing_first_launches_both_succeed_and_record_one_row_each()
    {
        await using var tool = await ToolInstance.StartAsync();
        using var first = tool.NewBrowser();
        using var second = tool.NewBrowser();
        var one = await first.AuthorizeAsync(tool, course: "med-210", link: "link-ho-1");
        var two = await second.AuthorizeAsync(tool, course: "med-210", link: "link-ho-1");

        var pages = await Task.WhenAll(first.SubmitAsync(one.AuthenticationResponse), second.SubmitAsync(two.AuthenticationResponse));

        Assert.All(pages, p => Assert.True(p.Status == HttpStatusCode.SeeOther, p.ToString()));
        var counts = await tool.QueryAsync(async db => (
            await db.Users.CountAsync(Ct), await db.Contexts.CountAsync(Ct), await db.ResourceLinks.CountAsync(Ct)));
        Assert.Equal((1, 1, 1), counts);
    }
}
