using System.Net;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class LineItemTests
{
    [Fact]
    public async Task Created_line_item_answers_201_with_its_url()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();

        var response = await ags.CreateLineItemAsync(ags.Container(), token,
            new { label = "Case for change", scoreMaximum = 100, resourceLinkId = "link-cc-1", tag = "lticurriculum", resourceId = "co-case-for-change" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/vnd.ims.lis.v2.lineitem+json", response.Content.Headers.ContentType?.MediaType);
        var item = await AgsHost.JsonAsync(response);
        var id = item.GetProperty("id").GetString()!;
        Assert.Equal(id, response.Headers.Location?.ToString());
        Assert.Matches($"^{ags.Container()}/\\d+$", id);
        Assert.Equal("link-cc-1", item.GetProperty("resourceLinkId").GetString());
        var fetched = await AgsHost.JsonAsync(await ags.SendAsync(HttpMethod.Get, id, token));
        Assert.Equal("Case for change", fetched.GetProperty("label").GetString());
        var counters = (await ags.GradebookAsync()).GetProperty("counters");
        Assert.Equal(1, counters.GetProperty("lineItemsCreated").GetInt64());
        Assert.Equal(0, counters.GetProperty("duplicateLineItemsCreated").GetInt64());
    }

    [Theory]
    [InlineData("{\"scoreMaximum\":10}")]
    [InlineData("{\"label\":\"\",\"scoreMaximum\":10}")]
    [InlineData("{\"label\":\"Quiz\"}")]
    [InlineData("{\"label\":\"Quiz\",\"scoreMaximum\":0}")]
    [InlineData("{\"label\":\"Quiz\",\"scoreMaximum\":\"10\"}")]
    [InlineData("{\"label\":\"Quiz\",\"scoreMaximum\":10,\"tag\":5}")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    public async Task Invalid_line_item_is_a_bad_request(string json)
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();

        var response = await ags.SendAsync(HttpMethod.Post, ags.Container(), token, json, AgsHost.LineItemType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("standard", HttpStatusCode.BadRequest)]
    [InlineData("canvas", HttpStatusCode.BadRequest)]
    [InlineData("moodle", HttpStatusCode.Forbidden)]
    public async Task Line_item_for_a_link_of_another_course_is_refused(string style, HttpStatusCode expected)
    {
        await using var ags = await AgsHost.StartAsync(style);
        var token = await ags.TokenAsync();
        var container = style == "moodle" ? ags.Container() + "?type_id=1" : ags.Container();

        var response = await ags.CreateLineItemAsync(container, token, new { label = "Stray", scoreMaximum = 10, resourceLinkId = "link-ho-1" });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Line_item_of_another_media_type_is_unsupported()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();

        var response = await ags.SendAsync(HttpMethod.Post, ags.Container(), token, "{\"label\":\"Quiz\",\"scoreMaximum\":10}", "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Read_only_scope_can_list_but_not_create()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(AgsHost.LineItemReadOnlyScope);

        var list = await ags.SendAsync(HttpMethod.Get, ags.Container(), token);
        var create = await ags.CreateLineItemAsync(ags.Container(), token, new { label = "Quiz", scoreMaximum = 10 });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Duplicates_are_created_but_counted()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();
        var item = new { label = "Case for change", scoreMaximum = 100, resourceLinkId = "link-cc-1", tag = "grade" };

        var first = await ags.CreateLineItemAsync(ags.Container(), token, item);
        var second = await ags.CreateLineItemAsync(ags.Container(), token, item);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(1, (await ags.GradebookAsync()).GetProperty("counters").GetProperty("duplicateLineItemsCreated").GetInt64());
    }

    [Fact]
    public async Task Concurrent_creates_get_distinct_ids()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(number =>
            ags.CreateLineItemAsync(ags.Container(), token, new { label = $"Item {number}", scoreMaximum = 10, tag = $"tag-{number}" })));

        var ids = await Task.WhenAll(responses.Select(async response => (await AgsHost.JsonAsync(response)).GetProperty("id").GetString()));
        Assert.Equal(20, ids.Distinct().Count());
        Assert.Equal(20, (await ags.GradebookAsync()).GetProperty("counters").GetProperty("lineItemsCreated").GetInt64());
    }

    [Fact]
    public async Task Put_replaces_and_delete_removes_the_line_item()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();
        var id = (await AgsHost.JsonAsync(await ags.CreateLineItemAsync(ags.Container(), token, new { label = "Old", scoreMaximum = 10, tag = "t" })))
            .GetProperty("id").GetString()!;

        var put = await ags.SendAsync(HttpMethod.Put, id, token, "{\"label\":\"New\",\"scoreMaximum\":20}", AgsHost.LineItemType);
        var delete = await ags.SendAsync(HttpMethod.Delete, id, token);
        var after = await ags.SendAsync(HttpMethod.Get, id, token);

        var replaced = await AgsHost.JsonAsync(put);
        Assert.Equal("New", replaced.GetProperty("label").GetString());
        Assert.Equal(20, replaced.GetProperty("scoreMaximum").GetDecimal());
        Assert.False(replaced.TryGetProperty("tag", out _));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Moodle_item_url_with_the_lineitem_suffix_answers()
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var lineItem = (await ags.LaunchAgsClaimAsync()).GetProperty("lineitem").GetString()!;
        var token = await ags.TokenAsync();

        var item = await AgsHost.JsonAsync(await ags.SendAsync(HttpMethod.Get, lineItem, token));

        Assert.Equal(lineItem, item.GetProperty("id").GetString());
        Assert.Equal("link-cc-1", item.GetProperty("resourceLinkId").GetString());
    }

    [Fact]
    public async Task Line_item_of_another_course_is_not_found()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();

        var response = await ags.SendAsync(HttpMethod.Get, ags.Container("med-210") + "/1", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
