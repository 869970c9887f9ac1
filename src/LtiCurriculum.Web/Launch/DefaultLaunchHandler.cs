using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Web.Teach;
using LtiCurriculum.Web.Teach.DeepLinking;

namespace LtiCurriculum.Web.Launch;

/// <summary>
/// Records the launch, opens a session bound to it and sends the browser on (303, so a reload never
/// re-posts the spent id_token): resource links to their module, deep linking to the picker.
/// </summary>
internal sealed class DefaultLaunchHandler(LaunchRecorder recorder, LaunchSessionTokens tokens, DeepLinkingRequests deepLinks) : ILtiLaunchHandler
{
    public async Task<IResult> HandleAsync(LtiLaunch launch, HttpContext httpContext)
    {
        if (launch.IsDeepLinking && !launch.IsCourseStaff)
        {
            return ErrorPages.For(httpContext, new LaunchFailure("deep_linking_staff_only", 403,
                "Only the course's instructors can add this tool's content to a course. Ask your instructor, or open an activity that is already in the course."),
                launch.ReturnUrl, "Only instructors can add content");
        }
        var recorded = await recorder.RecordAsync(launch, httpContext.RequestAborted);
        var deepLinkingRequest = launch.IsDeepLinking ? await deepLinks.SaveAsync(launch, recorded.ContextDbId, recorded.UserDbId, httpContext.RequestAborted) : null;
        var session = new LaunchSession(
            launch.PlatformId, launch.DeploymentId, recorded.ContextDbId, recorded.ResourceLinkDbId, recorded.UserDbId,
            launch.Roles, launch.IsDeepLinking, launch.Locale, launch.ReturnUrl, default, deepLinkingRequest);
        var issued = tokens.Issue(session);
        SessionCarrier.SetCookie(httpContext.Response, issued.Token, issued.ExpiresAt);

        var target = launch.IsDeepLinking ? DeepLinkingRoutes.CataloguePath
            : launch.IsCourseStaff && !launch.IsAnonymous ? TeachRoutes.DashboardPath
            : Learn.LearnRoutes.ModulePath;
        return new SeeOtherResult($"{target}?{SessionCarrier.FieldName}={Uri.EscapeDataString(issued.Token)}");
    }
}
