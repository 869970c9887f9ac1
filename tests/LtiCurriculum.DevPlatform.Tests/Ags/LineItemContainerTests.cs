using System.Net;
using System.Text;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class LineItemContainerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Standard_container_pages_by_ten_with_a_next_link()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();

        var first = await ags.SendAsync(HttpMethod.Get, ags.Container(), token);
        var next = LinkTarget(first, "next");
        var second = await ags.SendAsync(HttpMethod.Get, next, token);

        Assert.Equal("application/vnd.ims.lis.v2.lineitemcontainer+json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(10, (await AgsHost.JsonAsync(first)).GetArrayLength());
        Assert.Equal($"<{ags.Container()}?limit=10&page=2>; rel=\"next\"", first.Headers.GetValues("Link").Single());
        Assert.Equal(2, (await AgsHost.JsonAsync(second)).GetArrayLength());
        Assert.False(second.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Canvas_link_header_has_current_next_first_and_last()
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var token = await ags.TokenAsync();

        var response = await ags.SendAsync(HttpMethod.Get, ags.Container() + "?limit=5&page=2", token);

        var url = ags.Container() + "?limit=5&page=";
        Assert.Equal(
            $"<{url}2>; rel=\"current\",<{url}3>; rel=\"next\",<{url}1>; rel=\"prev\",<{url}1>; rel=\"first\",<{url}3>; rel=\"last\"",
            response.Headers.GetValues("Link").Single());
        var items = await AgsHost.JsonAsync(response);
        Assert.Equal(["Quiz 6", "Quiz 7", "Quiz 8", "Quiz 9", "Quiz 10"], items.EnumerateArray().Select(item => item.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task Moodle_returns_everything_without_a_limit()
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var token = await ags.TokenAsync();

        var response = await ags.SendAsync(HttpMethod.Get, ags.Container() + "?type_id=1", token);

        Assert.Equal(12, (await AgsHost.JsonAsync(response)).GetArrayLength());
        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Moodle_next_link_uses_typographic_quotes()
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var token = await ags.TokenAsync();
        using var client = new HttpClient(new SocketsHttpHandler { ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8 });
        using var request = new HttpRequestMessage(HttpMethod.Get, ags.Container() + "?type_id=1&limit=5&from=5");
        request.Headers.Authorization = new("Bearer", token);

        var response = await client.SendAsync(request, Cancel);

        Assert.Equal($"<{ags.Container()}?type_id=1&limit=5&from=10>; rel=\u201Cnext\u201D", response.Headers.GetValues("Link").Single());
        var labels = (await AgsHost.JsonAsync(response)).EnumerateArray().Select(item => item.GetProperty("label").GetString());
        Assert.Equal(["Quiz 6", "Quiz 7", "Quiz 8", "Quiz 9", "Quiz 10"], labels);
        Assert.Matches($"^{ags.Container()}/\\d+/lineitem\\?type_id=1$",
            (await AgsHost.JsonAsync(await ags.SendAsync(HttpMethod.Get, ags.Container() + "?type_id=1&limit=1", token)))[0].GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Moodle_service_url_without_type_id_is_refused()
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var token = await ags.TokenAsync();

        var response = await ags.SendAsync(HttpMethod.Get, ags.Container(), token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Container_filters_keep_their_place_in_the_next_link()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();

        var quizzes = await ags.SendAsync(HttpMethod.Get, ags.Container() + "?tag=quiz&limit=3", token);
        var byResource = await AgsHost.JsonAsync(await ags.SendAsync(HttpMethod.Get, ags.Container() + "?resource_id=seed-quiz-3", token));

        Assert.Equal($"<{ags.Container()}?tag=quiz&limit=3&page=2>; rel=\"next\"", quizzes.Headers.GetValues("Link").Single());
        Assert.All((await AgsHost.JsonAsync(quizzes)).EnumerateArray(), item => Assert.Equal("quiz", item.GetProperty("tag").GetString()));
        Assert.Equal("Quiz 3", byResource.EnumerateArray().Single().GetProperty("label").GetString());
    }

    [Fact]
    public async Task Resource_link_filter_finds_the_coupled_line_item()
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var lineItem = (await ags.LaunchAgsClaimAsync(link: "link-cc-3")).GetProperty("lineitem").GetString();
        var token = await ags.TokenAsync();

        var found = await AgsHost.JsonAsync(await ags.SendAsync(HttpMethod.Get, ags.Container() + "?resource_link_id=link-cc-3", token));

        Assert.Equal(lineItem, found.EnumerateArray().Single().GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=abc")]
    [InlineData("?page=0")]
    public async Task Bad_paging_parameter_is_a_bad_request(string query)
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();

        var response = await ags.SendAsync(HttpMethod.Get, ags.Container() + query, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_course_is_not_found()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();

        var response = await ags.SendAsync(HttpMethod.Get, ags.Container("med-999"), token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Service_without_a_token_is_unauthorized()
    {
        await using var ags = await AgsHost.StartAsync();

        var missing = await ags.SendAsync(HttpMethod.Get, ags.Container(), null);
        var unknown = await ags.SendAsync(HttpMethod.Get, ags.Container(), "made-up-token");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.StartsWith("Bearer", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.StartsWith("Bearer", unknown.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Expired_access_token_is_unauthorized()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();
        ags.Host.Clock.Advance(TimeSpan.FromHours(1));

        var response = await ags.SendAsync(HttpMethod.Get, ags.Container(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_without_a_line_item_scope_is_forbidden()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(AgsHost.ScoreScope);

        var response = await ags.SendAsync(HttpMethod.Get, ags.Container(), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string LinkTarget(HttpResponseMessage response, string rel)
    {
        var link = response.Headers.GetValues("Link").Single().Split(',').Single(part => part.Contains($"rel=\"{rel}\"", StringComparison.Ordinal));
        return link[(link.IndexOf('<', StringComparison.Ordinal) + 1)..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
