using System.Net;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class ResultsTests
{
    [Fact]
    public async Task Results_page_by_limit_with_a_next_link()
    {
        await using var ags = await AgsHost.StartAsync();
        var (lineItem, token) = await StandardScoreTests.CreateAsync(ags);
        foreach (var user in new[] { "u-1", "u-2", "u-3" })
        {
            await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: user));
        }

        var first = await ags.GetResultsAsync(lineItem, token, "?limit=2");
        var second = await ags.GetResultsAsync(lineItem, token, "?limit=2&page=2");

        Assert.Equal("application/vnd.ims.lis.v2.resultcontainer+json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"<{lineItem}/results?limit=2&page=2>; rel=\"next\"", first.Headers.GetValues("Link").Single());
        var rows = await AgsHost.JsonAsync(first);
        Assert.Equal(["u-1", "u-2"], rows.EnumerateArray().Select(row => row.GetProperty("userId").GetString()));
        Assert.Equal(lineItem, rows[0].GetProperty("scoreOf").GetString());
        Assert.Equal(8, rows[0].GetProperty("resultScore").GetDecimal());
        Assert.Equal(10, rows[0].GetProperty("resultMaximum").GetDecimal());
        Assert.StartsWith(lineItem + "/results/", rows[0].GetProperty("id").GetString());
        Assert.Equal("u-3", (await AgsHost.JsonAsync(second)).EnumerateArray().Single().GetProperty("userId").GetString());
        Assert.False(second.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Results_filter_by_user_id()
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var (lineItem, token) = await CanvasScoreTests.CoupledAsync(ags);
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: "dev-user-1001"));
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: "dev-user-1002"));

        var rows = await AgsHost.JsonAsync(await ags.GetResultsAsync(lineItem, token, "?user_id=dev-user-1002"));

        Assert.Equal("dev-user-1002", rows.EnumerateArray().Single().GetProperty("userId").GetString());
    }

    [Fact]
    public async Task Moodle_results_keep_the_query_and_page_with_from()
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var (lineItem, token) = await CanvasScoreTests.CoupledAsync(ags);
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: "u-1"));
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: "u-2"));

        var all = await AgsHost.JsonAsync(await ags.GetResultsAsync(lineItem, token));
        var second = await AgsHost.JsonAsync(await ags.GetResultsAsync(lineItem, token, "&limit=1&from=1"));

        Assert.Equal(2, all.GetArrayLength());
        Assert.Equal("u-2", second.EnumerateArray().Single().GetProperty("userId").GetString());
    }

    [Fact]
    public async Task Results_need_the_result_scope()
    {
        await using var ags = await AgsHost.StartAsync();
        var (lineItem, _) = await StandardScoreTests.CreateAsync(ags);
        var token = await ags.TokenAsync(AgsHost.ScoreScope);

        var response = await ags.GetResultsAsync(lineItem, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
