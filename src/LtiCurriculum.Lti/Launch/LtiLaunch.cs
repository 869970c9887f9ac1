using LtiCurriculum.Lti.Claims;

namespace LtiCurriculum.Lti.Launch;

/// <summary>A launch whose every rule passed. Everything the host may use later (AGS, NRPS, DL) is kept.</summary>
public sealed record LtiLaunch
{
    public required int PlatformId { get; init; }
    public required string Issuer { get; init; }
    public required string ClientId { get; init; }
    public required string DeploymentId { get; init; }
    public required string MessageType { get; init; }
    public required string TargetLinkUri { get; init; }

    /// <summary>The platform's user id; null for an anonymous launch (LTI Core 1.3 §5.3.6.1).</summary>
    public string? UserId { get; init; }
    public string? Name { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? Email { get; init; }

    public required IReadOnlyList<string> RoleUris { get; init; }
    public required LtiRole Roles { get; init; }

    public ContextClaim? Context { get; init; }
    public ResourceLinkClaim? ResourceLink { get; init; }
    public LaunchPresentationClaim? LaunchPresentation { get; init; }
    public ToolPlatformClaim? ToolPlatform { get; init; }
    public LisClaim? Lis { get; init; }
    public required IReadOnlyDictionary<string, string> Custom { get; init; }

    public AgsEndpointClaim? Ags { get; init; }
    public NrpsClaim? Nrps { get; init; }
    public DeepLinkingSettingsClaim? DeepLinkingSettings { get; init; }

    public bool IsAnonymous => UserId is null;
    public bool IsDeepLinking => MessageType == LtiMessageTypes.DeepLinkingRequest;

    /// <summary>Can manage the course's use of the tool (place links, see the class, grade).</summary>
    public bool IsCourseStaff => LtiRoles.IsCourseStaff(Roles);

    /// <summary>launch_presentation.locale, else the OIDC locale claim.</summary>
    public string? Locale { get; init; }

    public string? ReturnUrl => LaunchPresentation?.ReturnUrl;

    public string DisplayName =>
        !string.IsNullOrWhiteSpace(Name) ? Name!
        : string.Join(' ', new[] { GivenName, FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } joined ? joined
        : !string.IsNullOrWhiteSpace(Email) ? Email!
        : UserId is null ? "Anonymous user" : "Unnamed user";
}
