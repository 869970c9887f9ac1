using LtiCurriculum.Lti.Claims;

namespace LtiCurriculum.Web.Sessions;

/// <summary>
/// Who is working, where: the launch a follow-up request belongs to (platform, deployment, context,
/// resource link, user). Database ids, not platform ids, so the token stays short.
/// </summary>
public sealed record LaunchSession(
    int PlatformId,
    string DeploymentId,
    int? ContextDbId,
    int? ResourceLinkDbId,
    int? UserDbId,
    LtiRole Roles,
    bool IsDeepLinking,
    string? Locale,
    string? ReturnUrl,
    DateTimeOffset ExpiresAt,
    string? DeepLinkingRequestId = null)
{
    public bool IsAnonymous => UserDbId is null;
    public bool IsCourseStaff => LtiRoles.IsCourseStaff(Roles);
}
