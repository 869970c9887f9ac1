using System.Text.Json;
using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Lti.Tests.Ags;

namespace LtiCurriculum.Lti.Tests.Nrps;

/// <summary>Reading a context's membership (NRPS 2.0) from a fake platform.</summary>
public sealed class MembershipTests : IDisposable
{
    private const string MembershipsUrl = "https://lms.example/api/lti/courses/7/names_and_roles";
    private const string Page2 = MembershipsUrl + "?page=2";
    private const string Page3 = MembershipsUrl + "?page=3";
    private const string MediaType = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private const string Learner = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    private const string Instructor = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    private const string TeachingAssistant = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";

    private readonly AgsTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private Task<NrpsMembership> ReadAsync(string url = MembershipsUrl, MembershipQuery? query = null) =>
        _host.Nrps.GetMembershipAsync(AgsTestHost.Platform, url, query, _host.Cancellation);

    private static string Container(params object[] members) => JsonSerializer.Serialize(new
    {
        id = MembershipsUrl,
        context = new { id = "2923-abc", label = "CPS 435", title = "Cardiopulmonary Sciences" },
        members,
    });

    private static object Member(string userId, params string[] roles) => new { user_id = userId, roles };

    private static HttpResponseMessage Page(params object[] members) => Respond.Json(Container(members), mediaType: MediaType);

    private static string[] Ids(NrpsMembership membership) => [.. membership.Members.Select(m => m.UserId)];

    [Fact]
    public async Task Members_and_context_are_read()
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Json("""
            {
              "id": "https://lms.example/api/lti/courses/7/names_and_roles",
              "context": { "id": "2923-abc", "label": "CPS 435", "title": "Cardiopulmonary Sciences" },
              "members": [
                {
                  "status": "Active",
                  "name": "Jane Q. Public",
                  "picture": "https://platform.example.edu/jane.jpg",
                  "given_name": "Jane",
                  "family_name": "Doe",
                  "email": "jane@platform.example.edu",
                  "user_id": "0ae836b9-7fc9-4060-006f-27b2066ac545",
                  "lis_person_sourcedid": "59254-6782-12ab",
                  "roles": [ "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor" ]
                }
              ]
            }
            """, mediaType: MediaType));

        var membership = await ReadAsync();

        Assert.True(membership.IsComplete);
        Assert.Equal(MembershipsUrl, membership.Id);
        Assert.Equal(new ContextClaim("2923-abc", "CPS 435", "Cardiopulmonary Sciences"), membership.Context);
        var jane = Assert.Single(membership.Members);
        Assert.Equal("0ae836b9-7fc9-4060-006f-27b2066ac545", jane.UserId);
        Assert.Equal(MemberStatus.Active, jane.Status);
        Assert.Equal([Instructor], jane.RoleUris);
        Assert.Equal(LtiRole.Instructor, jane.Roles);
        Assert.Equal(("Jane Q. Public", "Jane", "Doe", "jane@platform.example.edu"), (jane.Name, jane.GivenName, jane.FamilyName, jane.Email));
        Assert.Equal("59254-6782-12ab", jane.LisPersonSourcedId);
        Assert.Equal("https://platform.example.edu/jane.jpg", jane.Picture);
    }

    [Fact]
    public async Task Request_carries_the_membership_media_type_and_a_bearer_token_for_the_membership_scope()
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(Member("u1", Learner)));

        await ReadAsync();

        var get = Assert.Single(_host.Lms.To(MembershipsUrl));
        Assert.Equal(HttpMethod.Get, get.Method);
        Assert.Equal(MediaType, get.Accept);
        Assert.Equal("Bearer access-1", get.Authorization);
        var token = Assert.Single(_host.TokenRequests);
        Assert.Equal("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly", token.Form["scope"]);
        Assert.Equal("client_credentials", token.Form["grant_type"]);
    }

    [Fact]
    public async Task Token_is_reused_for_the_next_read()
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(Member("u1", Learner)));

        await ReadAsync();
        await ReadAsync();

        Assert.Single(_host.TokenRequests);
        Assert.All(_host.Lms.To(MembershipsUrl), r => Assert.Equal("Bearer access-1", r.Authorization));
    }

    [Fact]
    public async Task Two_pages_are_read()
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(Member("u1", Learner), Member("u2", Learner)).WithLink($"<{Page2}>; rel=\"next\""));
        _host.Lms.Get(Page2, _ => Page(Member("u3", Instructor)));

        var membership = await ReadAsync();

        Assert.Equal(["u1", "u2", "u3"], Ids(membership));
        Assert.True(membership.IsComplete);
    }

    [Fact]
    public async Task Three_pages_are_read_and_every_page_carries_the_token_and_media_type()
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(Member("u1", Learner)).WithLink($"<{Page2}>; rel=\"next\", <{Page3}>; rel=\"last\""));
        _host.Lms.Get(Page2, _ => Page(Member("u2", Learner)).WithLink($"<{MembershipsUrl}>; rel=\"first\", <{Page3}>; rel=\"next\""));
        _host.Lms.Get(Page3, _ => Page(Member("u3", Learner)));

        Assert.Equal(["u1", "u2", "u3"], Ids(await ReadAsync()));
        Assert.All(_host.Lms.Requests.Skip(1), r => Assert.Equal(("Bearer access-1", MediaType), (r.Authorization, r.Accept)));
    }

    [Fact]
    public async Task Moodle_typographic_quotes_still_page()
    {
        const string moodle = "https://moodle.example/mod/lti/services.php/CourseSection/7/bindings/ltilink/3/memberships?type_id=1";
        _host.Lms.Get(moodle + "&limit=2", _ => Page(Member("2", Learner), Member("3", Learner)).WithLink(
            $"<{moodle}&amp;limit=2&amp;from=2>; rel=\u201Cnext\u201D"));
        _host.Lms.Get(moodle + "&limit=2&from=2", _ => Page(Member("4", Instructor)));

        var membership = await ReadAsync(moodle, new MembershipQuery(Limit: 2));

        Assert.Equal(["2", "3", "4"], Ids(membership));
    }

    [Fact]
    public async Task Resource_link_role_and_limit_are_added_to_a_url_that_already_has_a_query()
    {
        const string moodle = "https://moodle.example/mod/lti/services.php/CourseSection/7/bindings/ltilink/3/memberships?type_id=1";
        const string expected = moodle + "&rlid=link-42&role=http%3A%2F%2Fpurl.imsglobal.org%2Fvocab%2Flis%2Fv2%2Fmembership%23Learner&limit=50";
        _host.Lms.Get(expected, _ => Page(Member("u1", Learner)));

        await ReadAsync(moodle, new MembershipQuery("link-42", Learner, 50));

        Assert.Equal(expected, Assert.Single(_host.Lms.Requests.Skip(1)).Url);
    }

    [Theory]
    [InlineData(null, null, null, MembershipsUrl)]
    [InlineData("link 42", null, null, MembershipsUrl + "?rlid=link%2042")]
    [InlineData(null, "Learner", null, MembershipsUrl + "?role=Learner")]
    [InlineData(null, null, 100, MembershipsUrl + "?limit=100")]
    [InlineData("r&1", "Instructor", 10, MembershipsUrl + "?rlid=r%261&role=Instructor&limit=10")]
    public async Task Query_parameters_are_encoded_and_only_the_given_ones_sent(string? rlid, string? role, int? limit, string expected)
    {
        _host.Lms.Get(expected, _ => Page(Member("u1", Learner)));

        await ReadAsync(MembershipsUrl, new MembershipQuery(rlid, role, limit));

        Assert.Equal(expected, Assert.Single(_host.Lms.Requests.Skip(1)).Url);
    }

    [Fact]
    public async Task Limit_of_zero_is_a_programming_error()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ReadAsync(query: new MembershipQuery(Limit: 0)));
    }

    [Theory]
    [InlineData(null, MemberStatus.Active)]
    [InlineData("Active", MemberStatus.Active)]
    [InlineData("Inactive", MemberStatus.Inactive)]
    [InlineData("inactive", MemberStatus.Inactive)]
    [InlineData("Deleted", MemberStatus.Deleted)]
    [InlineData("DELETED", MemberStatus.Deleted)]
    [InlineData("Suspended", MemberStatus.Active)]
    public async Task Status_is_read_case_insensitively_and_defaults_to_active(string? status, MemberStatus expected)
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(status is null ? Member("u1", Learner) : new { user_id = "u1", status, roles = new[] { Learner } }));

        Assert.Equal(expected, Assert.Single((await ReadAsync()).Members).Status);
    }

    [Theory]
    [InlineData(Learner, LtiRole.Learner)]
    [InlineData(Instructor, LtiRole.Instructor)]
    [InlineData(TeachingAssistant, LtiRole.TeachingAssistant)]
    [InlineData("Learner", LtiRole.Learner)]
    [InlineData("Instructor", LtiRole.Instructor)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper", LtiRole.ContentDeveloper)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor", LtiRole.None)]
    [InlineData("http://example.com/vocab#Wizard", LtiRole.None)]
    public async Task Roles_are_mapped_as_in_a_launch(string role, LtiRole expected)
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(Member("u1", role)));

        var member = Assert.Single((await ReadAsync()).Members);

        Assert.Equal(expected, member.Roles);
        Assert.Equal([role], member.RoleUris);
    }

    [Fact]
    public async Task Several_roles_combine()
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(Member("u1", Instructor, TeachingAssistant, "Learner")));

        Assert.Equal(LtiRole.Instructor | LtiRole.TeachingAssistant | LtiRole.Learner, Assert.Single((await ReadAsync()).Members).Roles);
    }

    [Fact]
    public async Task Members_without_user_id_are_skipped()
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Json($$"""
            {"members":[
              {"user_id":"u1","roles":["{{Learner}}"]},
              {"roles":["{{Learner}}"],"name":"Ghost"},
              {"user_id":"","roles":[]},
              null,
              {"user_id":1234,"roles":["Learner"]}
            ]}
            """, mediaType: MediaType));

        var membership = await ReadAsync();

        Assert.Equal(["u1", "1234"], Ids(membership));
        Assert.Null(membership.Context);
    }

    [Fact]
    public async Task Unknown_members_and_claims_are_ignored()
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Json($$$"""
            {"id":"x","context":{"id":7,"label":"L","title":"T","type":["CourseOffering"]},"differences":"https://lms.example/d",
             "members":[{"user_id":"u1","roles":["{{{Learner}}}"],"middle_name":"Q","message":[{"https://purl.imsglobal.org/spec/lti/claim/message_type":"LtiResourceLinkRequest",
               "https://purl.imsglobal.org/spec/lti/claim/custom":{"country":"Canada"}}],"https://www.instructure.com/ext":{"a":1}}]}
            """, mediaType: MediaType));

        var membership = await ReadAsync();

        Assert.Equal("7", membership.Context!.Id);
        Assert.Equal(["u1"], Ids(membership));
    }

    [Fact]
    public async Task Page_without_members_is_an_empty_membership()
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Json("""{"id":"x","context":{"id":"c"}}""", mediaType: MediaType));

        var membership = await ReadAsync();

        Assert.Empty(membership.Members);
        Assert.True(membership.IsComplete);
    }

    [Fact]
    public async Task Expired_token_is_refreshed_once_after_a_401()
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Status(401, """{"error":"invalid_token"}"""), _ => Page(Member("u1", Learner)));

        Assert.Equal(["u1"], Ids(await ReadAsync()));

        Assert.Equal(2, _host.TokenRequests.Count);
        Assert.Equal(["Bearer access-1", "Bearer access-2"], _host.Lms.To(MembershipsUrl).Select(r => r.Authorization));
    }

    [Fact]
    public async Task Second_401_fails_without_a_third_try()
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Status(401, """{"error":"invalid_token"}"""));

        var failure = await Assert.ThrowsAsync<NrpsException>(() => ReadAsync());

        Assert.Equal(401, failure.StatusCode);
        Assert.True(failure.IsTransient);
        Assert.Equal(2, _host.Lms.To(MembershipsUrl).Count);
    }

    [Fact]
    public async Task Server_error_is_transient_and_keeps_the_platform_body()
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Status(500, """{"errors":[{"message":"An error occurred."}]}"""));

        var failure = await Assert.ThrowsAsync<NrpsException>(() => ReadAsync());

        Assert.Equal(500, failure.StatusCode);
        Assert.True(failure.IsTransient);
        Assert.False(failure.FromTokenEndpoint);
        Assert.Contains("An error occurred.", failure.PlatformBody);
        Assert.Contains("HTTP 500", failure.Message);
    }

    [Fact]
    public async Task Long_error_body_is_shortened()
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Status(500, new string('x', 50_000)));

        var failure = await Assert.ThrowsAsync<NrpsException>(() => ReadAsync());

        Assert.Equal(2_000, failure.PlatformBody!.Length);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Refusal_is_permanent(int status)
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Status(status, "not allowed"));

        var failure = await Assert.ThrowsAsync<NrpsException>(() => ReadAsync());

        Assert.Equal(status, failure.StatusCode);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task Failed_later_page_fails_the_whole_read()
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(Member("u1", Learner)).WithLink($"<{Page2}>; rel=\"next\""));
        _host.Lms.Get(Page2, _ => Respond.Status(503, "down").WithHeader("Retry-After", "30"));

        var failure = await Assert.ThrowsAsync<NrpsException>(() => ReadAsync());

        Assert.Equal(503, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
    }

    [Fact]
    public async Task Token_endpoint_failure_is_an_nrps_failure_from_the_token_endpoint()
    {
        _host.TokenEndpoint(_ => Respond.Status(400, """{"error":"invalid_scope"}"""));

        var failure = await Assert.ThrowsAsync<NrpsException>(() => ReadAsync());

        Assert.True(failure.FromTokenEndpoint);
        Assert.Equal(400, failure.StatusCode);
        Assert.Contains("invalid_scope", failure.PlatformBody);
        Assert.Empty(_host.Lms.To(MembershipsUrl));
    }

    [Fact]
    public async Task Answer_that_is_not_a_membership_container_is_a_permanent_failure()
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Json("<html>login</html>", mediaType: "text/html"));

        var failure = await Assert.ThrowsAsync<NrpsException>(() => ReadAsync());

        Assert.False(failure.IsTransient);
        Assert.Equal(200, failure.StatusCode);
    }

    [Fact]
    public async Task Page_larger_than_16_MiB_is_refused()
    {
        _host.Lms.Get(MembershipsUrl, _ =>
        {
            var response = Page(Member("u1", Learner));
            response.Content.Headers.ContentLength = 16L * 1024 * 1024 + 1;
            return response;
        });

        var failure = await Assert.ThrowsAsync<NrpsException>(() => ReadAsync());

        Assert.False(failure.IsTransient);
        Assert.Contains("too large", failure.Message);
    }

    [Fact]
    public async Task Service_url_that_is_not_absolute_http_is_refused()
    {
        var failure = await Assert.ThrowsAsync<NrpsException>(() => ReadAsync("/api/lti/courses/7/names_and_roles"));

        Assert.False(failure.IsTransient);
        Assert.Empty(_host.Lms.Requests);
    }

    [Theory]
    [InlineData("https://evil.example/api/lti/courses/7/names_and_roles?page=2")]
    [InlineData("http://lms.example/api/lti/courses/7/names_and_roles?page=2")]
    [InlineData("https://lms.example:8443/api/lti/courses/7/names_and_roles?page=2")]
    [InlineData("//evil.example/names_and_roles?page=2")]
    public async Task Cross_origin_next_link_is_not_followed(string next)
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(Member("u1", Learner)).WithLink($"<{next}>; rel=\"next\""));

        var membership = await ReadAsync();

        Assert.Equal(["u1"], Ids(membership));
        Assert.False(membership.IsComplete);
        Assert.All(_host.Lms.Requests, r => Assert.Equal("https://lms.example", r.Uri.GetLeftPart(UriPartial.Authority)));
        Assert.Equal(2, _host.Lms.Requests.Count); // token + page 1
    }

    [Fact]
    public async Task Next_link_back_to_a_read_page_ends_paging()
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(Member("u1", Learner)).WithLink($"<{Page2}>; rel=\"next\""));
        _host.Lms.Get(Page2, _ => Page(Member("u2", Learner)).WithLink($"<{MembershipsUrl}>; rel=\"next\""));

        var membership = await ReadAsync();

        Assert.Equal(["u1", "u2"], Ids(membership));
        Assert.True(membership.IsComplete);
        Assert.Single(_host.Lms.To(MembershipsUrl));
    }

    [Fact]
    public async Task Paging_stops_after_1000_pages_and_says_the_membership_is_incomplete()
    {
        for (var page = 0; page <= 1001; page++)
        {
            var url = page == 0 ? MembershipsUrl : $"{MembershipsUrl}?page={page}";
            var next = $"{MembershipsUrl}?page={page + 1}";
            var id = $"u{page}";
            _host.Lms.Get(url, _ => Page(Member(id, Learner)).WithLink($"<{next}>; rel=\"next\""));
        }

        var membership = await ReadAsync();

        Assert.Equal(1000, membership.Members.Count);
        Assert.False(membership.IsComplete);
        Assert.Equal(1001, _host.Lms.Requests.Count); // token + 1000 pages
    }

    [Fact]
    public async Task Reading_stops_at_200000_members()
    {
        var members = string.Join(',', Enumerable.Range(0, 200_001).Select(n => $$"""{"user_id":"{{n}}"}"""));
        _host.Lms.Get(MembershipsUrl, _ => Respond.Json($$"""{"members":[{{members}}]}""", mediaType: MediaType).WithLink($"<{Page2}>; rel=\"next\""));

        var membership = await ReadAsync();

        Assert.Equal(200_000, membership.Members.Count);
        Assert.False(membership.IsComplete);
        Assert.Empty(_host.Lms.To(Page2));
    }

    [Fact]
    public async Task Relative_next_link_is_resolved_against_the_page()
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(Member("u1", Learner)).WithLink("</api/lti/courses/7/names_and_roles?page=2>; rel=\"next\""));
        _host.Lms.Get(Page2, _ => Page(Member("u2", Learner)));

        Assert.Equal(["u1", "u2"], Ids(await ReadAsync()));
    }

    [Fact]
    public async Task Caller_cancellation_is_not_turned_into_a_failure()
    {
        _host.Lms.Get(MembershipsUrl, _ => Page(Member("u1", Learner)));
        _host.Lms.Hold(MembershipsUrl);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_host.Cancellation);

        var read = _host.Nrps.GetMembershipAsync(AgsTestHost.Platform, MembershipsUrl, null, cancellation.Token);
        await _host.Lms.EnteredHold;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
    }

    [Fact]
    public async Task Skipped_members_are_counted_in_the_log()
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Json("""{"members":[{"user_id":"u1"},{"name":"Ghost"},{"name":"Ghost 2"}]}""", mediaType: MediaType));

        await ReadAsync();

        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains("2 members without user_id skipped"));
    }

    [Fact]
    public async Task Logs_never_contain_the_access_token()
    {
        _host.Lms.Get(MembershipsUrl, _ => Respond.Status(401, "expired"), _ => Respond.Status(500, "boom"));

        await Assert.ThrowsAsync<NrpsException>(() => ReadAsync());

        Assert.Contains("NRPS", _host.Logs.AllText);
        Assert.DoesNotContain("access-1", _host.Logs.AllText);
        Assert.DoesNotContain("access-2", _host.Logs.AllText);
    }
}
