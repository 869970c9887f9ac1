using LtiCurriculum.Lti.Claims;

namespace LtiCurriculum.Web.Sessions;

/// <summary>
/// Who is working, where: the launch a follow-up request belongs to (platform, deployment, context,
/// resource link, user). Database ids, not platform ids, so the token stays short. <see cref="FormSecret"/> is the
/// launch's anti-forgery value (see <see cref="FormTokens"/>); the token carrying it is encrypted, so only pages
/// this tool renders for the launch know it.
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
    string? DeepLinkingRequestId = null,
    string? FormSecret = null)
{
    public bool IsAnonymous => UserDbId is null;
    public bool IsCourseStaff => LtiRoles.IsCourseStaff(Roles);
}
