using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// What every AGS service call passes first: a bearer token that is known, unexpired and unrevoked (else 401), with
/// one of the accepted scopes (else 403); in Moodle style the service URL's <c>type_id</c> (else 400); a demo course
/// (else 404).
/// </summary>
internal sealed class AgsGate(AccessTokenStore tokens, GradebookStyleState styles, DemoDirectory directory, CourseLinks courseLinks)
{
    public (AgsCall? Call, IResult? Refusal) Open(HttpContext context, string courseId, params string[] acceptedScopes)
    {
        if (BearerCheck.Refusal(context, tokens, acceptedScopes) is { } refusal)
        {
            return (null, refusal);
        }

        var style = styles.Current;
        if (style == GradebookStyles.Moodle && context.Request.Query[AgsUrls.MoodleTypeIdParameter] != AgsUrls.MoodleTypeId)
        {
            return (null, Results.Text("No tool type: keep the service URL's query string (type_id) when adding to its path.", "text/plain", statusCode: 400));
        }

        var course = directory.FindCourse(courseId);
        if (course is null)
        {
            return (null, Results.NotFound());
        }

        var urls = new AgsUrls(PlatformUrls.For(context.Request).Issuer, style);
        return (new AgsCall(course, style, urls, courseLinks), null);
    }
}

/// <summary>An AGS call that passed the gate: its course, the style in force, and the URLs as that style writes them.</summary>
internal sealed record AgsCall(DemoCourse Course, string Style, AgsUrls Urls, CourseLinks CourseLinks)
{
    /// <summary>Whether <paramref name="linkId"/> is a resource link of the course: built in or made by deep linking.</summary>
    public bool HasLink(string linkId) => CourseLinks.Find(Course, linkId) is not null;
}
