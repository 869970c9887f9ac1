using LtiCurriculum.Lti.Claims;

namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>
/// [24–28, 39–40] The claims each message type requires: resource_link.id, roles and target_link_uri
/// for a resource link; deep_linking_settings for deep linking. The user (sub) policy is explicit:
/// a resource-link launch may be anonymous when allowed, deep linking never.
/// </summary>
internal sealed class MessageClaimsStep : SyncLaunchStep
{
    private const int MaxIdLength = 255;

    public override string Name => "message-claims";

    protected override LaunchFailure? Run(LaunchValidationContext context)
    {
        var claims = context.Claims;
        if (claims.Roles is null)
        {
            return LaunchFailures.RolesMissing;
        }
        if (claims.Subject is { Length: > MaxIdLength })
        {
            return LaunchFailures.ClaimTooLong.WithDetail("(sub)");
        }
        if (claims.Subject is { Length: 0 })
        {
            return LaunchFailures.SubjectMissing.WithDetail("sub is empty.");
        }
        if (claims.Context is { } contextClaim && string.IsNullOrEmpty(contextClaim.Id))
        {
            return LaunchFailures.ContextIdMissing;
        }
        if (claims.Context?.Id is { Length: > MaxIdLength })
        {
            return LaunchFailures.ClaimTooLong.WithDetail("(context.id)");
        }

        return claims.MessageType == LtiMessageTypes.DeepLinkingRequest ? CheckDeepLinking(claims) : CheckResourceLink(claims, context.Options);
    }

    private static LaunchFailure? CheckResourceLink(IdTokenPayload claims, LtiToolOptions options)
    {
        if (string.IsNullOrEmpty(claims.ResourceLink?.Id))
        {
            return LaunchFailures.ResourceLinkMissing;
        }
        if (claims.ResourceLink.Id.Length > MaxIdLength)
        {
            return LaunchFailures.ClaimTooLong.WithDetail("(resource_link.id)");
        }
        if (string.IsNullOrEmpty(claims.TargetLinkUri))
        {
            return LaunchFailures.TargetLinkUriMissing;
        }
        if (claims.Subject is null && !options.AllowAnonymousLaunches)
        {
            return LaunchFailures.SubjectMissing.WithDetail("This tool is configured to refuse anonymous launches.");
        }
        return null;
    }

    private static LaunchFailure? CheckDeepLinking(IdTokenPayload claims)
    {
        var settings = claims.DeepLinkingSettings;
        if (settings is null || string.IsNullOrEmpty(settings.DeepLinkReturnUrl) || settings.AcceptTypes is null || settings.AcceptPresentationDocumentTargets is null)
        {
            return LaunchFailures.DeepLinkingSettingsMissing;
        }
        if (!Uri.TryCreate(settings.DeepLinkReturnUrl, UriKind.Absolute, out var returnUrl) || returnUrl.Scheme is not ("https" or "http"))
        {
            return LaunchFailures.DeepLinkingSettingsMissing.WithDetail("deep_link_return_url is not an absolute http(s) URL.");
        }
        if (claims.Subject is null)
        {
            return LaunchFailures.SubjectMissing.WithDetail("Deep linking needs to know who is choosing content.");
        }
        return null;
    }
}
