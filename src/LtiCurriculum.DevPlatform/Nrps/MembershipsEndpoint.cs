using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// GET {issuer}/nrps/{courseId}/memberships: the context membership service (NRPS 2.0 §2). Needs a bearer token with
/// the contextmembership.readonly scope (401 without a token, 403 without the scope); answers 404 for an unknown
/// course or while NRPS is off for it, 406 when <c>Accept</c> rules out the membership container media type.
/// Filters <c>role</c> (a full role URI, or the short name of a context role such as <c>Learner</c>; §2.3.1) and
/// <c>rlid</c> (§2.4: the members who can reach that resource link, each with a <c>message</c> carrying the link's
/// claims; Inactive enrolments cannot). Pages of <see cref="NrpsNames.DefaultPageSize"/> unless <c>limit</c> says
/// otherwise, with a <c>Link: &lt;…&gt;; rel="next"</c> header (§2.3.2) written as the gradebook style writes it.
/// </summary>
internal static class MembershipsEndpoint
{
    private static readonly string[] FilterNames = ["role", "rlid"];

    public static IResult Handle(
        HttpContext context, string courseId, AccessTokenStore tokens, DemoDirectory directory, CourseLinks courseLinks, NrpsSwitch nrps,
        GradebookStyleState styles)
    {
        if (BearerCheck.Refusal(context, tokens, NrpsNames.Scope) is { } refusal)
        {
            return refusal;
        }

        var course = directory.FindCourse(courseId);
        if (course is null)
        {
            return Problem(StatusCodes.Status404NotFound, "not_found", $"there is no course \u201c{courseId}\u201d");
        }

        if (!nrps.IsOn(course.Id))
        {
            return Problem(StatusCodes.Status404NotFound, "not_found", $"Names and Role Provisioning Services are off for {course.Label}");
        }

        if (!AcceptsContainer(context.Request))
        {
            return Problem(StatusCodes.Status406NotAcceptable, "not_acceptable", $"this service answers only {NrpsNames.MembershipContainer}; say so in Accept");
        }

        var query = context.Request.Query;
        var style = styles.Current;
        var (paging, pagingProblem) = Paging.Read(query, style, NrpsNames.DefaultPageSize);
        if (paging is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_request", pagingProblem!);
        }

        DemoLink? link = null;
        if (query.ContainsKey("rlid"))
        {
            link = courseLinks.Find(course, query["rlid"].ToString());
            if (link is null)
            {
                return Problem(StatusCodes.Status400BadRequest, "invalid_request", $"rlid names no resource link of {course.Label}");
            }
        }

        var role = query["role"].ToString();
        var members = directory.Everyone
            .Where(user => user.Subject is not null && (role.Length == 0 || HasRole(user, role)) && (link is null || !user.Inactive))
            .ToList();
        var urls = PlatformUrls.For(context.Request);
        var baseUrl = urls.Memberships(course.Id);
        var filters = FilterNames.Where(query.ContainsKey).Select(name => KeyValuePair.Create(name, (string?)query[name].ToString())).ToList();
        if (paging.LinkHeader(baseUrl, filters, members.Count) is { } header)
        {
            context.Response.Headers.Link = header;
        }

        var container = new MembershipContainer(
            baseUrl + context.Request.QueryString.ToUriComponent(),
            new MembershipContext(course.Id, course.Label, course.Title),
            [.. paging.Slice(members).Select(user => ToMember(user, link))]);
        return Results.Json(container, AgsJson.Options, NrpsNames.MembershipContainer);
    }

    private static bool AcceptsContainer(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (accept.Length == 0)
        {
            return true;
        }

        return accept.Split(',').Any(part => MediaTypeWithQualityHeaderValue.TryParse(part.Trim(), out var type)
            && type.Quality is not 0
            && type.MediaType is NrpsNames.MembershipContainer or "*/*" or "application/*");
    }

    /// <summary>A full role URI matches exactly; a short name matches a context role's last segment (NRPS 2.0 §2.3.1).</summary>
    private static bool HasRole(DemoUser user, string role) =>
        role.Contains("://", StringComparison.Ordinal)
            ? user.Roles.Contains(role, StringComparer.Ordinal)
            : user.Roles.Any(uri => uri.StartsWith(NrpsNames.MembershipRolePrefix, StringComparison.Ordinal) && uri.EndsWith("#" + role, StringComparison.Ordinal));

    private static Member ToMember(DemoUser user, DemoLink? link) => new(
        user.Inactive ? NrpsNames.Inactive : NrpsNames.Active,
        user.Subject!,
        user.Roles,
        user.Name,
        user.GivenName,
        user.FamilyName,
        user.Email,
        user.SourcedId,
        link is null ? null : [LinkMessage(link)]);

    /// <summary>NRPS 2.0 §2.4: the claims a launch of the link would carry for this member.</summary>
    private static Dictionary<string, object> LinkMessage(DemoLink link)
    {
        var message = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [LtiClaimNames.MessageType] = LtiMessageTypes.ResourceLinkRequest,
            [LtiClaimNames.ResourceLink] = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = link.Id, ["title"] = link.Title },
        };
        if (link.Custom.Count > 0)
        {
            message[LtiClaimNames.Custom] = link.Custom;
        }

        return message;
    }

    private static IResult Problem(int status, string error, string description) =>
        Results.Json(new OAuthError(error, description), AgsJson.Options, statusCode: status);

    private sealed record MembershipContainer(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("context")] MembershipContext Context,
        [property: JsonPropertyName("members")] IReadOnlyList<Member> Members);

    private sealed record MembershipContext(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("title")] string Title);

    private sealed record Member(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("user_id")] string UserId,
        [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("given_name")] string? GivenName,
        [property: JsonPropertyName("family_name")] string? FamilyName,
        [property: JsonPropertyName("email")] string? Email,
        [property: JsonPropertyName("lis_person_sourcedid")] string? SourcedId,
        [property: JsonPropertyName("message")] IReadOnlyList<Dictionary<string, object>>? Message);
}
