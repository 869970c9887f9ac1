using System.Net;
using System.Text.Json;
using LtiCurriculum.Lti.Ags;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>Line item read, find and create (AGS 2.0 §3.2; notes 1C-53 to 1C-55, Moodle gradebookservices).</summary>
public sealed class LineItemTests : IDisposable
{
    private const string MoodleContainer = "https://moodle.example/mod/lti/services.php/7/lineitems?type_id=3";
    private const string MoodleSearch = "https://moodle.example/mod/lti/services.php/7/lineitems?type_id=3&resource_link_id=12&limit=100";
    private const string Search = AgsTestHost.ContainerUrl + "?resource_link_id=rl-1&limit=100";
    private static readonly LineItemQuery ByLink = new("rl-1", null, null);
    private static readonly LineItem Proposed = new() { Label = "Cardiology quiz", ScoreMaximum = 10.0m, ResourceLinkId = "rl-1", Tag = "quiz" };
    private readonly AgsTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private Task<LineItem> FindOrCreateAsync(LineItemQuery query, AgsAccess? access = null, string container = AgsTestHost.ContainerUrl) =>
        _host.Client.FindOrCreateLineItemAsync(access ?? AgsTestHost.Access(), container, query, Proposed, _host.Cancellation);

    private static string Item(string id, string? resourceLinkId = null, string? resourceId = null, string? tag = null, object? max = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["label"] = $"item {id}", ["scoreMaximum"] = max ?? 100,
            ["resourceLinkId"] = resourceLinkId, ["resourceId"] = resourceId, ["tag"] = tag,
        });

    [Fact]
    public async Task Line_item_is_read_with_its_media_type()
    {
        _host.Lms.Get(AgsTestHost.LineItemUrl, _ => Respond.Json($$"""
            {"id":"{{AgsTestHost.LineItemUrl}}","label":"Quiz","scoreMaximum":"100.00000","resourceId":"quiz-1","tag":"",
             "resourceLinkId":"12","ltiLinkId":"12","startDateTime":"2026-03-01T00:00:00+01:00","endDateTime":"not a date",
             "https://canvas.instructure.com/lti/submission_type":{"type":"external_tool"} }
            """, mediaType: AgsMediaTypes.LineItem));

        var item = await _host.Client.GetLineItemAsync(AgsTestHost.Access(), AgsTestHost.LineItemUrl, _host.Cancellation);

        Assert.Equal(new LineItem
        {
            Id = AgsTestHost.LineItemUrl, Label = "Quiz", ScoreMaximum = 100m, ResourceId = "quiz-1", Tag = "", ResourceLinkId = "12",
            StartDateTime = new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.Zero),
        }, item);
        var sent = Assert.Single(_host.Lms.To(AgsTestHost.LineItemUrl));
        Assert.Equal("application/vnd.ims.lis.v2.lineitem+json", sent.Accept);
        Assert.Equal("Bearer access-1", sent.Authorization);
    }

    [Fact]
    public async Task Missing_line_item_is_null()
    {
        _host.Lms.Get(AgsTestHost.LineItemUrl, _ => Respond.Status(404, "gone"));

        Assert.Null(await _host.Client.GetLineItemAsync(AgsTestHost.Access(), AgsTestHost.LineItemUrl, _host.Cancellation));
    }

    [Fact]
    public async Task Line_item_readable_with_read_only_scope()
    {
        _host.Lms.Get(AgsTestHost.LineItemUrl, _ => Respond.Json("""{"label":"Quiz","scoreMaximum":5}"""));

        var item = await _host.Client.GetLineItemAsync(AgsTestHost.Access(AgsTestHost.LineItemReadOnlyScope), AgsTestHost.LineItemUrl, _host.Cancellation);

        Assert.Equal(AgsTestHost.LineItemUrl, item!.Id); // an item without id is the one at the URL asked
        Assert.Equal(AgsTestHost.LineItemReadOnlyScope, Assert.Single(_host.TokenRequests).Form["scope"]);
    }

    [Fact]
    public async Task Find_filters_by_every_query_field_and_asks_for_100_per_page()
    {
        const string search = AgsTestHost.ContainerUrl + "?resource_link_id=rl%201&resource_id=quiz%2F1&tag=a%26b&limit=100";
        _host.Lms.Get(search, _ => Respond.Json($"[{Item("https://lms.example/li/5", "rl 1", "quiz/1", "a&b")}]"));

        var found = await FindOrCreateAsync(new LineItemQuery("rl 1", "quiz/1", "a&b"));

        Assert.Equal("https://lms.example/li/5", found.Id);
        var sent = Assert.Single(_host.Lms.To(search));
        Assert.Equal("application/vnd.ims.lis.v2.lineitemcontainer+json", sent.Accept);
    }

    [Fact]
    public async Task Find_keeps_the_container_query_string()
    {
        _host.Lms.Get(MoodleSearch, _ => Respond.Json($"[{Item("https://moodle.example/li/5?type_id=3", "12", max: "10.00000")}]"));

        var found = await FindOrCreateAsync(new LineItemQuery("12", null, null), container: MoodleContainer);

        Assert.Equal(10m, found.ScoreMaximum);
    }

    [Fact]
    public async Task Find_matches_client_side_when_the_platform_ignores_filters()
    {
        _host.Lms.Get(AgsTestHost.ContainerUrl + "?resource_link_id=rl-1&tag=quiz&limit=100", _ => Respond.Json($"[{Item("a", "rl-2")},{Item("b", "rl-1", tag: "other")},{Item("c", "rl-1", tag: "quiz")},{Item("d", "rl-1", tag: "quiz")}]"));

        var found = await FindOrCreateAsync(new LineItemQuery("rl-1", null, "quiz"));

        Assert.Equal("c", found.Id);
        Assert.DoesNotContain(_host.Lms.Requests, r => r.Method == HttpMethod.Post && r.Url != AgsTestHost.TokenUrl);
    }

    [Fact]
    public async Task Items_without_an_id_are_not_a_match()
    {
        const string noId = """{"label":"x","scoreMaximum":1,"resourceLinkId":"rl-1"}""";
        _host.Lms.Get(Search, _ => Respond.Json($"[{noId},{Item("", "rl-1")},{Item("b", "rl-1")}]"));

        Assert.Equal("b", (await FindOrCreateAsync(ByLink)).Id);
    }

    [Fact]
    public async Task Find_walks_pages_until_a_match()
    {
        const string page2 = AgsTestHost.ContainerUrl + "?page=2";
        _host.Lms.Get(Search, _ => Respond.Json($"[{Item("a", "rl-9")}]").WithLink($"<{page2}>; rel=\"next\""));
        _host.Lms.Get(page2, _ => Respond.Json($"[{Item("b", "rl-1")}]"));

        Assert.Equal("b", (await FindOrCreateAsync(ByLink)).Id);
    }

    [Fact]
    public async Task Nothing_found_creates_the_proposed_item_in_the_container()
    {
        _host.Lms.Get(MoodleSearch.Replace("=12", "=rl-1"), _ => Respond.Json("[]"));
        _host.Lms.Post(MoodleContainer, sent => Respond.Json(sent.Body.Insert(1, "\"id\":\"https://moodle.example/li/9/lineitem?type_id=3\","), HttpStatusCode.Created, AgsMediaTypes.LineItem));

        var created = await FindOrCreateAsync(ByLink, container: MoodleContainer);

        var post = Assert.Single(_host.Lms.To(MoodleContainer), r => r.Method == HttpMethod.Post);
        Assert.Equal("application/vnd.ims.lis.v2.lineitem+json", post.ContentType);
        Assert.Equal("""{"label":"Cardiology quiz","scoreMaximum":10,"tag":"quiz","resourceLinkId":"rl-1"}""", post.Body);
        Assert.Equal(Proposed with { Id = "https://moodle.example/li/9/lineitem?type_id=3", ScoreMaximum = 10m }, created);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Created</html>")]
    [InlineData("""{"label":"Cardiology quiz"}""")]
    public async Task Created_item_without_id_is_named_by_the_location_header(string body)
    {
        _host.Lms.Get(Search, _ => Respond.Json("[]"));
        _host.Lms.Post(AgsTestHost.ContainerUrl, _ => Respond.Status(201, body).WithHeader("Location", "/api/lti/courses/7/line_items/44"));

        var created = await FindOrCreateAsync(ByLink);

        Assert.Equal("https://lms.example/api/lti/courses/7/line_items/44", created.Id);
        Assert.Equal("Cardiology quiz", created.Label);
    }

    [Fact]
    public async Task Created_item_without_any_id_is_a_permanent_failure()
    {
        _host.Lms.Get(Search, _ => Respond.Json("[]"));
        _host.Lms.Post(AgsTestHost.ContainerUrl, _ => Respond.Status(201, "{}"));

        var failure = await AgsAssert.FailsAsync(() => FindOrCreateAsync(ByLink), transient: false, status: 201);

        Assert.Equal("{}", failure.PlatformBody);
    }

    [Fact]
    public async Task Creating_without_the_lineitem_scope_is_permanent()
    {
        _host.Lms.Get(Search, _ => Respond.Json("[]"));

        var failure = await AgsAssert.FailsAsync(
            () => FindOrCreateAsync(ByLink, AgsTestHost.Access(AgsTestHost.LineItemReadOnlyScope, AgsTestHost.ScoreScope)), transient: false, status: null);

        Assert.Contains(AgsTestHost.LineItemScope, failure.Message);
        Assert.DoesNotContain(_host.Lms.Requests, r => r.Method == HttpMethod.Post && r.Url.StartsWith(AgsTestHost.ContainerUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_only_scope_still_finds_an_existing_item()
    {
        _host.Lms.Get(Search, _ => Respond.Json($"[{Item("a", "rl-1")}]"));

        var found = await FindOrCreateAsync(ByLink, AgsTestHost.Access(AgsTestHost.LineItemReadOnlyScope));

        Assert.Equal("a", found.Id);
    }

    [Fact]
    public async Task Refused_creation_keeps_the_platform_reason()
    {
        _host.Lms.Get(Search, _ => Respond.Json("[]"));
        _host.Lms.Post(AgsTestHost.ContainerUrl, _ => Respond.Status(403, "resourceLinkId does not belong to this tool"));

        var failure = await AgsAssert.FailsAsync(() => FindOrCreateAsync(ByLink), transient: false, status: 403);

        Assert.Equal("resourceLinkId does not belong to this tool", failure.PlatformBody);
    }

    [Fact]
    public async Task Proposed_item_needs_a_label_and_a_positive_maximum()
    {
        var access = AgsTestHost.Access();
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            _host.Client.FindOrCreateLineItemAsync(access, AgsTestHost.ContainerUrl, ByLink, Proposed with { Label = " " }, _host.Cancellation));
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            _host.Client.FindOrCreateLineItemAsync(access, AgsTestHost.ContainerUrl, ByLink, Proposed with { ScoreMaximum = 0 }, _host.Cancellation));

        Assert.Empty(_host.Lms.Requests);
    }

    [Fact]
    public async Task Container_that_is_not_a_json_array_is_a_permanent_failure()
    {
        _host.Lms.Get(Search, _ => Respond.Json("""{"lineItems":[]}"""));

        var failure = await AgsAssert.FailsAsync(() => FindOrCreateAsync(ByLink), transient: false, status: 200);

        Assert.Equal("""{"lineItems":[]}""", failure.PlatformBody);
    }
}
