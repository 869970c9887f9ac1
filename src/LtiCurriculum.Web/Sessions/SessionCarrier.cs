namespace LtiCurriculum.Web.Sessions;

/// <summary>
/// Where the session token travels. LMS pages live in iframes where third-party cookies are often
/// blocked, so the token rides in the request itself: a header for script calls, a hidden form field for
/// forms, the query for GET navigations. The cookie is only a convenience for GETs: a state-changing
/// request must carry the token itself, so a cross-site form cannot borrow the cookie (CSRF).
/// </summary>
public static class SessionCarrier
{
    public const string HeaderName = "X-Lti-Session";
    public const string FieldName = "lti_session";
    public const string CookieName = "lti_session";

    public static async Task<string?> FindTokenAsync(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrEmpty(header))
        {
            return header.ToString();
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            if (form.TryGetValue(FieldName, out var field) && !string.IsNullOrEmpty(field))
            {
                return field.ToString();
            }
        }
        if (request.Query.TryGetValue(FieldName, out var query) && !string.IsNullOrEmpty(query))
        {
            return query.ToString();
        }
        var safeMethod = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        return safeMethod ? request.Cookies[CookieName] : null;
    }

    public static void SetCookie(HttpResponse response, string token, DateTimeOffset expires) =>
        response.Cookies.Append(CookieName, token, CrossSiteCookie.Options(response.HttpContext.Request, "/", expires));
}
