using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed partial class MembershipTests : IDisposable
{
    private const string NrpsScope = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    private const string Container = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private const string NrpsClaim = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    private const string Learner = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Reads the Link header as UTF-8, so Moodle style's typographic quotes arrive as sent.</summary>
    private readonly HttpClient client = new(new SocketsHttpHandler { ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8, AllowAutoRedirect = false });

    public void Dispose() => client.Dispose();

    private static string Memberships(AgsHost ags, string course = "med-501") => $"{ags.Issuer}/nrps/{course}/memberships";

    private async Task<HttpResponseMessage> GetAsync(AgsHost ags, string url, string? token, string? accept = Container)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        Assert.StartsWith(ags.Issuer, url);
        return await client.SendAsync(request, Cancel);
    }

    /// <summary>Follows rel=next (ASCII or Moodle's typographic quotes) until the last page; every page's body.</summary>
    private async Task<List<JsonElement>> AllPagesAsync(AgsHost ags, string url, string token)
    {
        var pages = new List<JsonElement>();
        for (string? next = url; next is not null && pages.Count < 10;)
        {
            var response = await GetAsync(ags, next, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add(await AgsHost.JsonAsync(response));
            next = response.Headers.TryGetValues("Link", out var links) ? NextLink(string.Join(',', links)) : null;
        }

        return pages;
    }

    private static string? NextLink(string header)
    {
        var match = NextPattern().Match(header);
        return match.Success ? match.Groups["url"].Value : null;
    }

    private static IEnumerable<JsonElement> Members(JsonElement page) => page.GetProperty("members").EnumerateArray();

    [Fact]
    public async Task Token_endpoint_grants_the_NRPS_scope()
    {
        await using var ags = await AgsHost.StartAsync();

        var body = await AgsHost.JsonAsync(await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(), $"{NrpsScope} {AgsHost.ScoreScope}")));

        Assert.Equal($"{NrpsScope} {AgsHost.ScoreScope}", body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Memberships_need_a_token_with_the_NRPS_scope()
    {
        await using var ags = await AgsHost.StartAsync();

        var anonymous = await GetAsync(ags, Memberships(ags), null);
        var unknown = await GetAsync(ags, Memberships(ags), "not-a-token");
        var agsOnly = await GetAsync(ags, Memberships(ags), await ags.TokenAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agsOnly.StatusCode);
        Assert.Contains("insufficient_scope", agsOnly.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Roster_spans_pages_linked_by_rel_next()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(NrpsScope);

        var first = await GetAsync(ags, Memberships(ags), token);
        var pages = await AllPagesAsync(ags, Memberships(ags), token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(Container, first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single());
        Assert.True(pages.Count >= 2);
        Assert.Equal(20, Members(pages[0]).Count());
        var page = pages[0];
        Assert.Equal(Memberships(ags), page.GetProperty("id").GetString());
        Assert.Equal("med-501", page.GetProperty("context").GetProperty("id").GetString());
        Assert.Equal("MED-501", page.GetProperty("context").GetProperty("label").GetString());
        Assert.Equal("Leading Curriculum Change", page.GetProperty("context").GetProperty("title").GetString());
        var members = pages.SelectMany(Members).ToList();
        var ids = members.Select(member => member.GetProperty("user_id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(members.Count(member => member.GetProperty("roles").EnumerateArray().Any(role => role.GetString() == Learner)) >= 30);
        Assert.Contains("dev-student-01", ids);
        Assert.Contains("dev-student-32", ids);
        Assert.DoesNotContain(null, ids);
        var ana = members.Single(member => member.GetProperty("user_id").GetString() == "dev-user-1001");
        Assert.Equal("Active", ana.GetProperty("status").GetString());
        Assert.Equal("Ana Ramos", ana.GetProperty("name").GetString());
        Assert.Equal("Ana", ana.GetProperty("given_name").GetString());
        Assert.Equal("Ramos", ana.GetProperty("family_name").GetString());
        Assert.Equal("ana.ramos@example.edu", ana.GetProperty("email").GetString());
        Assert.Equal("SIS-1001", ana.GetProperty("lis_person_sourcedid").GetString());
        var inactive = Assert.Single(members, member => member.GetProperty("status").GetString() == "Inactive");
        Assert.Equal("dev-student-17", inactive.GetProperty("user_id").GetString());
        var lee = members.Single(member => member.GetProperty("user_id").GetString() == "dev-user-2001");
        Assert.Contains("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor", lee.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.False(members.Single(member => member.GetProperty("user_id").GetString() == "dev-user-1002").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Limit_sets_the_page_size()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(NrpsScope);

        var pages = await AllPagesAsync(ags, Memberships(ags) + "?limit=15", token);

        Assert.Equal([15, 15, 8], pages.Select(page => Members(page).Count()));
    }

    [Fact]
    public async Task Moodle_style_pages_with_typographic_quotes()
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var token = await ags.TokenAsync(NrpsScope);

        var first = await GetAsync(ags, Memberships(ags), token);
        var pages = await AllPagesAsync(ags, Memberships(ags), token);

        var link = first.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\u201Cnext\u201D", link);
        Assert.Contains("from=20", link);
        Assert.Equal(38, pages.SelectMany(Members).Count());
    }

    [Theory]
    [InlineData("Instructor", new[] { "dev-user-2001" })]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant", new[] { "dev-user-3001" })]
    [InlineData("TeachingAssistant", new[] { "dev-user-3001" })]
    public async Task Role_filter_keeps_the_members_with_that_role(string role, string[] expected)
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(NrpsScope);

        var pages = await AllPagesAsync(ags, Memberships(ags) + "?role=" + Uri.EscapeDataString(role), token);

        Assert.Equal(expected, pages.SelectMany(Members).Select(member => member.GetProperty("user_id").GetString()));
    }

    [Fact]
    public async Task Learner_filter_pages_and_keeps_the_filter_in_the_next_link()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(NrpsScope);

        var first = await GetAsync(ags, Memberships(ags) + "?role=" + Uri.EscapeDataString(Learner), token);
        var pages = await AllPagesAsync(ags, Memberships(ags) + "?role=" + Uri.EscapeDataString(Learner), token);

        Assert.Contains("role=", first.Headers.GetValues("Link").Single());
        var members = pages.SelectMany(Members).ToList();
        Assert.Equal(35, members.Count);
        Assert.All(members, member => Assert.Contains(Learner, member.GetProperty("roles").EnumerateArray().Select(role => role.GetString())));
    }

    [Fact]
    public async Task Rlid_filter_leaves_out_inactive_members_and_adds_the_link_message()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(NrpsScope);

        var pages = await AllPagesAsync(ags, Memberships(ags) + "?rlid=link-cc-2", token);
        var unknown = await GetAsync(ags, Memberships(ags) + "?rlid=link-fc-1", token);

        var members = pages.SelectMany(Members).ToList();
        Assert.Equal(37, members.Count);
        Assert.DoesNotContain(members, member => member.GetProperty("status").GetString() == "Inactive");
        var message = members[0].GetProperty("message").EnumerateArray().Single();
        Assert.Equal("LtiResourceLinkRequest", message.GetProperty("https://purl.imsglobal.org/spec/lti/claim/message_type").GetString());
        Assert.Equal("link-cc-2", message.GetProperty("https://purl.imsglobal.org/spec/lti/claim/resource_link").GetProperty("id").GetString());
        Assert.Equal("co-governance-stakeholders", message.GetProperty("https://purl.imsglobal.org/spec/lti/claim/custom").GetProperty("module").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Theory]
    [InlineData("application/json", HttpStatusCode.NotAcceptable)]
    [InlineData("text/html", HttpStatusCode.NotAcceptable)]
    [InlineData(Container, HttpStatusCode.OK)]
    [InlineData("*/*", HttpStatusCode.OK)]
    public async Task Accept_header_must_allow_the_membership_container(string accept, HttpStatusCode expected)
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(NrpsScope);

        var response = await GetAsync(ags, Memberships(ags), token, accept);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_course_is_404()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(NrpsScope);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(ags, Memberships(ags, "nope"), token)).StatusCode);
    }

    [Fact]
    public async Task Launches_carry_the_names_and_roles_claim()
    {
        await using var ags = await AgsHost.StartAsync();
        var flow = new LaunchFlow(ags.Host);

        var learner = LaunchFlow.Payload(await flow.LaunchAsync("learner-ana", "med-520", "link-fc-1"));
        var deepLinking = LaunchFlow.Payload(await flow.LaunchAsync("instructor-lee", "med-501", null, LtiMessageTypes.DeepLinkingRequest));

        var claim = learner.GetProperty(NrpsClaim);
        Assert.Equal(Memberships(ags, "med-520"), claim.GetProperty("context_memberships_url").GetString());
        Assert.Equal(["2.0"], claim.GetProperty("service_versions").EnumerateArray().Select(version => version.GetString()));
        Assert.Equal(Memberships(ags), deepLinking.GetProperty(NrpsClaim).GetProperty("context_memberships_url").GetString());
    }

    [Fact]
    public async Task Turned_off_for_a_course_its_launches_lose_the_claim_and_the_service_answers_404()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(NrpsScope);

        var switched = await ags.ControlAsync(HttpMethod.Post, "nrps", new { enabled = false, courseId = "med-520" });
        var flow = new LaunchFlow(ags.Host);
        var off = LaunchFlow.Payload(await flow.LaunchAsync("learner-ana", "med-520", "link-fc-1"));
        var on = LaunchFlow.Payload(await flow.LaunchAsync("learner-ana", "med-501", "link-cc-1"));

        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal("med-520", (await AgsHost.JsonAsync(switched)).GetProperty("offCourses")[0].GetString());
        Assert.False(off.TryGetProperty(NrpsClaim, out _));
        Assert.True(on.TryGetProperty(NrpsClaim, out _));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(ags, Memberships(ags, "med-520"), token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(ags, Memberships(ags), token)).StatusCode);

        await ags.ControlAsync(HttpMethod.Post, "nrps", new { enabled = true, courseId = "med-520" });
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(ags, Memberships(ags, "med-520"), token)).StatusCode);
    }

    [Fact]
    public async Task Turned_off_globally_no_claim_no_scope_no_service_until_reset()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(NrpsScope);

        await ags.ControlAsync(HttpMethod.Post, "nrps", new { enabled = false });
        var launch = LaunchFlow.Payload(await new LaunchFlow(ags.Host).LaunchAsync());
        var refused = await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(), NrpsScope));
        var service = await GetAsync(ags, Memberships(ags), token);
        var state = await AgsHost.JsonAsync(await ags.ControlAsync(HttpMethod.Get, "nrps"));
        await ags.ControlAsync(HttpMethod.Post, "reset");
        var afterReset = LaunchFlow.Payload(await new LaunchFlow(ags.Host).LaunchAsync());

        Assert.False(launch.TryGetProperty(NrpsClaim, out _));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_scope", (await AgsHost.JsonAsync(refused)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, service.StatusCode);
        Assert.False(state.GetProperty("enabled").GetBoolean());
        Assert.True(afterReset.TryGetProperty(NrpsClaim, out _));
    }

    [Fact]
    public async Task Setting_NrpsEnabled_false_starts_without_NRPS()
    {
        await using var ags = await AgsHost.StartAsync(settings: new Dictionary<string, string?> { ["DevPlatform:NrpsEnabled"] = "false" });

        var launch = LaunchFlow.Payload(await new LaunchFlow(ags.Host).LaunchAsync());
        var body = await AgsHost.JsonAsync(await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(), $"{NrpsScope} {AgsHost.ScoreScope}")));

        Assert.False(launch.TryGetProperty(NrpsClaim, out _));
        Assert.Equal(AgsHost.ScoreScope, body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Control_refuses_an_unknown_course_or_a_missing_switch()
    {
        await using var ags = await AgsHost.StartAsync();

        var unknown = await ags.ControlAsync(HttpMethod.Post, "nrps", new { enabled = false, courseId = "nope" });
        var missing = await ags.ControlAsync(HttpMethod.Post, "nrps", new { courseId = "med-501" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Fault_rule_can_hit_the_memberships_service()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync(NrpsScope);

        await ags.ControlAsync(HttpMethod.Post, "faults", new { target = "memberships", kind = "status", status = 503, count = 1 });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(ags, Memberships(ags), token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(ags, Memberships(ags), token)).StatusCode);
    }

    [GeneratedRegex("<(?<url>[^>]+)>;\\s*rel=[\"\u201C]next[\"\u201D]")]
    private static partial Regex NextPattern();
}
