using LtiCurriculum.Web.Components;
using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Components.Pages;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Launch;

/// <summary>"About this launch"; resource-link launches go on to <see cref="Learn.LearnRoutes"/>, deep linking to Teach.</summary>
public static class LaunchRoutes
{
    public const string LandingPath = "/launch/landing";

    public static IEndpointRouteBuilder MapLaunchPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(LandingPath, LandingAsync);
        return app;
    }

    private static async Task<IResult> LandingAsync(HttpContext http, LaunchSessionTokens tokens, IDbContextFactory<LtiDbContext> contexts)
    {
        var session = tokens.Read(await SessionCarrier.FindTokenAsync(http.Request));
        if (session is null || session.IsDeepLinking || session.ResourceLinkDbId is null)
        {
            return SessionMissing(http);
        }
        var token = Renew(http, tokens, session);

        await using var db = contexts.CreateDbContext();
        var view = await FindLandingView(db, session.ResourceLinkDbId.Value, session.UserDbId ?? 0);
        if (view is null)
        {
            return SessionMissing(http);
        }

        var userName = session.IsAnonymous ? "Anonymous user"
            : view.UserName ?? JoinNames(view.GivenName, view.FamilyName) ?? view.Email ?? "A user whose platform shares no name";
        http.Response.Headers.CacheControl = "no-store";
        return new HtmlPageResult<LandingPage>(new
        {
            UserName = userName,
            RoleText = Describe(session.Roles),
            view.CourseTitle,
            view.LinkTitle,
            LinkId = view.ResourceLinkId,
            PlatformIssuer = view.Issuer ?? "(removed)",
            Anonymous = session.IsAnonymous,
            session.ReturnUrl,
            ActivityUrl = $"{Learn.LearnRoutes.ModulePath}?{SessionCarrier.FieldName}={Uri.EscapeDataString(token)}",
        });
    }

    private sealed record LandingView(string ResourceLinkId, string? LinkTitle, string? CourseTitle, string? Issuer, string? UserName, string? GivenName, string? FamilyName, string? Email);

    /// <summary>The landing page's facts in one statement (scalar subqueries; SQLite has no APPLY).</summary>
    private static readonly Func<LtiDbContext, int, int, Task<LandingView?>> FindLandingView =
        EF.CompileAsyncQuery((LtiDbContext db, int linkId, int userId) => db.ResourceLinks
            .Where(r => r.Id == linkId)
            .Select(r => new LandingView(
                r.ResourceLinkId,
                r.Title,
                r.Context == null ? null : r.Context.Title ?? r.Context.Label,
                db.Platforms.Where(p => p.Id == r.PlatformId).Select(p => p.Issuer).FirstOrDefault(),
                db.Users.Where(u => u.Id == userId).Select(u => u.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == userId).Select(u => u.GivenName).FirstOrDefault(),
                db.Users.Where(u => u.Id == userId).Select(u => u.FamilyName).FirstOrDefault(),
                db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefault()))
            .FirstOrDefault());

    /// <summary>Every page restarts the session's idle lifetime: a new cookie, and the new token in a header for script calls.</summary>
    private static string Renew(HttpContext http, LaunchSessionTokens tokens, LaunchSession session)
    {
        var issued = tokens.Issue(session);
        SessionCarrier.SetCookie(http.Response, issued.Token, issued.ExpiresAt);
        http.Response.Headers[SessionCarrier.HeaderName] = issued.Token;
        return issued.Token;
    }

    private static HtmlPageResult<ErrorPage> SessionMissing(HttpContext http) =>
        ErrorPages.For(http, new LaunchFailure("session_missing", 401, "This page needs an active launch. Open the activity again from your course."), heading: "Please open this activity from your course");

    private static string? JoinNames(string? given, string? family) =>
        string.Join(' ', new[] { given, family }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } joined ? joined : null;

    internal static string Describe(LtiRole roles)
    {
        var names = new List<string>();
        if (roles.HasFlag(LtiRole.Administrator)) names.Add("Administrator");
        if (roles.HasFlag(LtiRole.Instructor)) names.Add("Instructor");
        if (roles.HasFlag(LtiRole.TeachingAssistant)) names.Add("Teaching assistant");
        if (roles.HasFlag(LtiRole.ContentDeveloper)) names.Add("Content developer");
        if (roles.HasFlag(LtiRole.Mentor)) names.Add("Mentor");
        if (roles.HasFlag(LtiRole.Learner)) names.Add("Learner");
        return names.Count == 0 ? "Learner (no course role was sent)" : string.Join(", ", names);
    }
}
