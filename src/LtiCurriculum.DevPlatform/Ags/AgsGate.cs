using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// What every AGS service call passes first: a bearer token that is known, unexpired and unrevoked (else 401), with
/// one of the accepted scopes (else 403); in Moodle style the service URL's <c>type_id</c> (else 400); a demo course
/// (else 404).
/// </summary>
internal sealed class AgsGate(AccessTokenStore tokens, GradebookStyleState styles, DemoDirectory directory)
{
    public (AgsCall? Call, IResult? Refusal) Open(HttpContext context, string courseId, params string[] acceptedScopes)
    {
        var response = context.Response;
        string header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"dev-platform\"";
            return (null, Results.Json(new OAuthError("invalid_token", "send Authorization: Bearer <access token>"), AgsJson.Options, statusCode: 401));
        }

        var grant = tokens.Find(header[Scheme.Length..].Trim());
        if (grant is null)
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"dev-platform\", error=\"invalid_token\"";
            return (null, Results.Json(new OAuthError("invalid_token", "the access token is unknown, expired or revoked"), AgsJson.Options, statusCode: 401));
        }

        if (!acceptedScopes.Any(grant.Scopes.Contains))
        {
            response.Headers.WWWAuthenticate = $"Bearer realm=\"dev-platform\", error=\"insufficient_scope\", scope=\"{string.Join(' ', acceptedScopes)}\"";
            return (null, Results.Json(new OAuthError("insufficient_scope", $"this call needs the scope {acceptedScopes[0]}"), AgsJson.Options, statusCode: 403));
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
        return (new AgsCall(course, style, urls), null);
    }
}

/// <summary>An AGS call that passed the gate: its course, the style in force, and the URLs as that style writes them.</summary>
internal sealed record AgsCall(DemoCourse Course, string Style, AgsUrls Urls);
