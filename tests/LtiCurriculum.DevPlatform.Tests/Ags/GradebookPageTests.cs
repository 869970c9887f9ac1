using System.Net;
using System.Text.RegularExpressions;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class GradebookPageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_shows_each_course_table_scores_and_the_score_log()
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var (lineItem, token) = await CanvasScoreTests.CoupledAsync(ags);
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(given: 7, maximum: 10));

        var response = await ags.Host.Client.GetAsync(ags.Issuer + "/gradebook", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Gradebook</h1>", html);
        Assert.Contains("<strong>Canvas</strong>", html);
        Assert.Contains("<caption>Scores in MED-501: one column per line item, one row per user</caption>", html);
        Assert.DoesNotContain("<th scope=\"col\">Quiz 1<br>", html);
        Assert.Contains("<br>coupled to the link</th>", html);
        Assert.Contains("<th scope=\"row\">Ana Ramos (learner) (dev-user-1001)</th>", html);
        Assert.Contains("7 / 10<br>FullyGraded", html);
        Assert.Contains("<h2 id=\"score-log\">Recent score posts</h2>", html);
        Assert.Equal(2, Regex.Count(html, "<table>"));
        Assert.Contains("MED-520 has no line items yet", html);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Courses_without_line_items_say_so_and_seeded_items_get_no_column()
    {
        await using var ags = await AgsHost.StartAsync();

        var html = await ags.Host.Client.GetStringAsync(ags.Issuer + "/gradebook", Cancel);

        Assert.Equal(0, Regex.Count(html, "<table>"));
        foreach (var course in new DemoDirectory().Courses)
        {
            Assert.Contains($"{course.Label} has no line items yet", html);
        }

        Assert.DoesNotContain("Quiz 1<br>", html);
    }

    [Fact]
    public async Task Seeded_item_gets_a_column_once_it_holds_a_result()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();
        await ags.PostScoreAsync(ags.Container() + "/1", token, AgsHost.Score());

        var html = await ags.Host.Client.GetStringAsync(ags.Issuer + "/gradebook", Cancel);

        Assert.Contains("<th scope=\"col\">Quiz 1<br>", html);
        Assert.DoesNotContain("Quiz 2<br>", html);
        Assert.Contains("MED-520 has no line items yet", html);
    }

    [Fact]
    public async Task Page_escapes_what_the_tool_sent()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();
        var created = await ags.CreateLineItemAsync(ags.Container(), token, new { label = "<script>alert(1)</script>", scoreMaximum = 10 });
        var lineItem = (await AgsHost.JsonAsync(created)).GetProperty("id").GetString()!;
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: "<img src=x onerror=alert(2)>"));

        var html = await ags.Host.Client.GetStringAsync(ags.Issuer + "/gradebook", Cancel);

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task Home_page_links_to_the_gradebook()
    {
        await using var ags = await AgsHost.StartAsync();

        var html = await ags.Host.Client.GetStringAsync(ags.Issuer, Cancel);

        Assert.Contains($"<a href=\"{ags.Issuer}/gradebook\">Gradebook</a>", html);
    }

    [Fact]
    public async Task Gradebook_json_filters_by_user_and_line_item()
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var (lineItem, token) = await CanvasScoreTests.CoupledAsync(ags);
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: "dev-user-1001"));
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: "dev-user-1002"));
        var number = Regex.Match(lineItem, @"/lineitems/(\d+)/").Groups[1].Value;

        var byUser = await ags.GradebookAsync("?userId=dev-user-1002");
        var byItem = await ags.GradebookAsync($"?lineItemId={number}");

        Assert.Equal("dev-user-1002", byUser.GetProperty("results").EnumerateArray().Single().GetProperty("userId").GetString());
        Assert.Equal("dev-user-1002", byUser.GetProperty("scoreLog").EnumerateArray().Single().GetProperty("userId").GetString());
        Assert.Equal(lineItem, byItem.GetProperty("lineItems").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Equal(2, byItem.GetProperty("results").GetArrayLength());
        var entry = byItem.GetProperty("scoreLog")[0];
        Assert.Equal(lineItem, entry.GetProperty("lineItemId").GetString());
        Assert.Equal(200, entry.GetProperty("status").GetInt32());
        Assert.Equal("Completed", entry.GetProperty("activityProgress").GetString());
        Assert.Equal("FullyGraded", entry.GetProperty("gradingProgress").GetString());
        Assert.Equal(8, entry.GetProperty("scoreGiven").GetDecimal());
    }
}
