using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Sessions;

namespace LtiCurriculum.Web.Launch;

/// <summary>
/// Records the launch, opens a session bound to it and sends the browser on (303, so a reload never
/// re-posts the spent id_token): resource links to their module, deep linking to the picker.
/// </summary>
internal sealed class DefaultLaunchHandler(LaunchRecorder recorder, LaunchSessionTokens tokens) : ILtiLaunchHandler
{
    public async Task<IResult> HandleAsync(LtiLaunch launch, HttpContext httpContext)
    {
        var recorded = await recorder.RecordAsync(launch, httpContext.RequestAborted);
        var session = new LaunchSession(
            launch.PlatformId, launch.DeploymentId, recorded.ContextDbId, recorded.ResourceLinkDbId, recorded.UserDbId,
            launch.Roles, launch.IsDeepLinking, launch.Locale, launch.ReturnUrl, default);
        var issued = tokens.Issue(session);
        SessionCarrier.SetCookie(httpContext.Response, issued.Token, issued.ExpiresAt);

        var target = launch.IsDeepLinking ? LaunchRoutes.DeepLinkingPath : Learn.LearnRoutes.ModulePath;
        return new SeeOtherResult($"{target}?{SessionCarrier.FieldName}={Uri.EscapeDataString(issued.Token)}");
    }
}
