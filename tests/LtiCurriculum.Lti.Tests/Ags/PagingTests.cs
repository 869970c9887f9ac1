using LtiCurriculum.Lti.Ags;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>Link rel=next paging: every spelling platforms use, and only ever to the same origin.</summary>
public sealed class PagingTests : IDisposable
{
    private const string Page1 = AgsTestHost.LineItemUrl + "/results?limit=100";
    private const string Page2 = "https://lms.example/api/lti/courses/7/line_items/31/results?limit=100&page=2";
    private readonly AgsTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private static string Row(string userId) => $$"""[{"userId":"{{userId}}"}]""";

    private async Task<string[]> UsersAsync() =>
        [.. (await _host.Client.GetResultsAsync(AgsTestHost.Access(), AgsTestHost.LineItemUrl, null, _host.Cancellation)).Select(r => r.UserId)];

    public static TheoryData<string> NextSpellings() =>
    [
        $"<{Page2}>; rel=next",
        $"<{Page2}>; rel=\"next\"",
        $"<{Page2}>; rel='next'",
        $"<{Page2}>;rel=\"next\"",
        $"<{Page2}>; REL=\"NEXT\"",
        $"<{Page2}>; rel=\"next last\"",
        $"<{Page2}>; rel=\u201Cnext\u201D", // Moodle
        $"<{Page2}>; rel=\u2018next\u2019",
        $"<{Page2}>; rel=\u00E2\u0080\u009Cnext\u00E2\u0080\u009D", // Moodle's quotes read as Latin-1
        $"<https://lms.example/x?page=1>; rel=\"first\", <{Page2}>; rel=\"next\", <https://lms.example/x?page=9>; rel=\"last\"",
        $"<https://lms.example/x?page=1>; rel=\u201Cfirst\u201D, <https://lms.example/x?page=1>; rel=\u201Ccanonical\u201D, <{Page2}>; rel=\u201Cnext\u201D",
        "</api/lti/courses/7/line_items/31/results?limit=100&page=2>; rel=\"next\"",
        "<results?limit=100&page=2>; rel=\"next\"",
        $"<{Page2.Replace("&", "&amp;")}>; rel=\u201Cnext\u201D", // moodle_url::out() escapes '&'
        $"<{Page2}>; title=\"more\"; rel=\"next\"",
    ];

    [Theory]
    [MemberData(nameof(NextSpellings))]
    public async Task Next_link_is_followed_however_it_is_spelled(string link)
    {
        _host.Lms.Get(Page1, _ => Respond.Json(Row("u1")).WithLink(link));
        _host.Lms.Get(Page2, _ => Respond.Json(Row("u2")));

        Assert.Equal(["u1", "u2"], await UsersAsync());
    }

    [Fact]
    public async Task Moodle_typographic_quotes_still_page()
    {
        _host.Lms.Get(Page1, _ => Respond.Json(Row("u1")).WithLink(
            $"<{Page1}&amp;from=0>; rel=\u201Cfirst\u201D, <{Page1}&amp;from=0>; rel=\u201Ccanonical\u201D, <{Page2}>; rel=\u201Cnext\u201D, <{Page2}>; rel=\u201Clast\u201D"));
        _host.Lms.Get(Page2, _ => Respond.Json(Row("u2")));

        Assert.Equal(["u1", "u2"], await UsersAsync());
    }

    [Fact]
    public async Task Next_link_in_a_second_link_header_is_found()
    {
        _host.Lms.Get(Page1, _ => Respond.Json(Row("u1")).WithLink("<https://lms.example/first>; rel=\"first\"", $"<{Page2}>; rel=\"next\""));
        _host.Lms.Get(Page2, _ => Respond.Json(Row("u2")));

        Assert.Equal(["u1", "u2"], await UsersAsync());
    }

    [Fact]
    public async Task Other_relations_are_not_followed()
    {
        _host.Lms.Get(Page1, _ => Respond.Json(Row("u1")).WithLink($"<{Page2}>; rel=\"last\", <{Page2}>; rel=\"prev\", <{Page2}>; rel=\"nextpage\""));

        Assert.Equal(["u1"], await UsersAsync());
        Assert.Empty(_host.Lms.To(Page2));
    }

    [Theory]
    [InlineData("https://evil.example/api/lti/courses/7/line_items/31/results?page=2")]
    [InlineData("http://lms.example/api/lti/courses/7/line_items/31/results?page=2")]
    [InlineData("https://lms.example:8443/api/lti/courses/7/line_items/31/results?page=2")]
    [InlineData("https://lms.example.evil.example/results?page=2")]
    [InlineData("//evil.example/results?page=2")]
    [InlineData("ftp://lms.example/results")]
    public async Task Next_link_to_another_host_is_not_followed(string next)
    {
        _host.Lms.Get(Page1, _ => Respond.Json(Row("u1")).WithLink($"<{next}>; rel=\"next\""));

        Assert.Equal(["u1"], await UsersAsync());
        Assert.All(_host.Lms.Requests, r => Assert.Equal("lms.example", r.Uri.Host));
        Assert.Equal(2, _host.Lms.Requests.Count); // token + page 1
    }

    [Fact]
    public async Task Next_link_back_to_a_visited_page_ends_paging()
    {
        _host.Lms.Get(Page1, _ => Respond.Json(Row("u1")).WithLink($"<{Page2}>; rel=\"next\""));
        _host.Lms.Get(Page2, _ => Respond.Json(Row("u2")).WithLink($"<{Page1}>; rel=\"next\""));

        Assert.Equal(["u1", "u2"], await UsersAsync());
        Assert.Single(_host.Lms.To(Page1));
    }

    [Fact]
    public async Task Paging_stops_after_1000_pages()
    {
        for (var page = 0; page <= 1001; page++)
        {
            var url = page == 0 ? Page1 : $"{Page1}&page={page}";
            var next = $"{Page1}&page={page + 1}";
            _host.Lms.Get(url, _ => Respond.Json(Row("u")).WithLink($"<{next}>; rel=\"next\""));
        }

        Assert.Equal(1000, (await UsersAsync()).Length);
        Assert.Equal(1001, _host.Lms.Requests.Count); // token + 1000 pages
    }

    [Fact]
    public async Task Every_page_carries_the_bearer_token()
    {
        _host.Lms.Get(Page1, _ => Respond.Json(Row("u1")).WithLink($"<{Page2}>; rel=\"next\""));
        _host.Lms.Get(Page2, _ => Respond.Json(Row("u2")));

        await UsersAsync();

        Assert.All(_host.Lms.Requests.Skip(1), r => Assert.Equal("Bearer access-1", r.Authorization));
    }

    [Fact]
    public async Task Failed_later_page_fails_the_whole_read()
    {
        _host.Lms.Get(Page1, _ => Respond.Json(Row("u1")).WithLink($"<{Page2}>; rel=\"next\""));
        _host.Lms.Get(Page2, _ => Respond.Status(503, "down"));

        await AgsAssert.FailsAsync(UsersAsync, transient: true, status: 503);
    }
}
