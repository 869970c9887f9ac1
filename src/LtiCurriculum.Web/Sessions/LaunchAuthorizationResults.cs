using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Launch;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace LtiCurriculum.Web.Sessions;

/// <summary>
/// The reason-coded answer when a session check fails: a page for browsers, problem+json for script calls.
/// No session (or one of the wrong kind) is 401 <c>session_missing</c>; a learner on a staff page is 403
/// <c>course_staff_only</c>.
/// </summary>
public sealed class LaunchAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !policy.AuthenticationSchemes.Contains(LaunchSessionHandler.SchemeName))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        var session = context.Features.Get<CurrentSession>()?.Session;
        var failure = Failure(context, session, policy, authorizeResult);
        await Respond(context, failure, session?.ReturnUrl).ExecuteAsync(context);
    }

    private static LaunchFailure Failure(HttpContext context, LaunchSession? session, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        // The session handler's own refusals: a body that could not be read (RequestBodyErrors), or a link that is gone.
        if (context.Items[LaunchSessionHandler.FailureItem] is LaunchFailure body)
        {
            return body;
        }
        var reason = context.Items[LaunchSessionHandler.FailureItem] as string;
        if (reason == LaunchSessionHandler.LinkMissing)
        {
            return new LaunchFailure("link_missing", 404, "The activity link of this launch no longer exists in this tool. Open the activity again from your course.");
        }
        if (result.Forbidden && session is not null
            && policy.Requirements.OfType<RolesAuthorizationRequirement>().Any(r => r.AllowedRoles.Contains(LaunchSessionHandler.AdministratorRole)))
        {
            return new LaunchFailure("administrators_only", 403, "This page is for the LMS's administrators: only a launch with an Administrator role (institution, system or course) can manage the tool's content packs.");
        }
        var rightKind = session is not null && policy.Requirements.OfType<ClaimsAuthorizationRequirement>()
            .All(r => r.ClaimType != LaunchSessionHandler.KindClaim || r.AllowedValues?.Contains(KindOf(session)) != false);
        if (result.Forbidden && rightKind && session is not null && !session.IsCourseStaff)
        {
            return session.IsDeepLinking
                ? new LaunchFailure("deep_linking_staff_only", 403, "Only the course's instructors can add this tool's content to a course. Ask your instructor, or open an activity that is already in the course.")
                : new LaunchFailure("course_staff_only", 403, "This page is for the course's instructors and teaching assistants.");
        }
        return new LaunchFailure("session_missing", 401, "This page needs an active launch. Open the activity again from your course.");
    }

    private static string KindOf(LaunchSession session) =>
        session.IsDeepLinking ? LaunchSessionHandler.DeepLinkingKind : session.ResourceLinkDbId is null ? "none" : LaunchSessionHandler.LinkKind;

    private static IResult Respond(HttpContext context, LaunchFailure failure, string? returnUrl)
    {
        if (context.Request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Problem(statusCode: failure.StatusCode, title: failure.Description, type: "about:blank",
                extensions: new Dictionary<string, object?> { ["code"] = failure.Code });
        }
        var heading = failure.StatusCode == 401 ? "Please open this activity from your course" : "That did not work";
        return ErrorPages.For(context, failure, failure.Code == "session_missing" ? null : returnUrl, heading);
    }
}
