namespace LtiCurriculum.DevPlatform;

/// <summary>Turns an authorized pending launch into the <see cref="DevLaunch"/> its id_token says.</summary>
internal static class DemoLaunchFactory
{
    /// <param name="deepLinkingData">The deep_linking_settings data of a deep linking request, remembered by the platform.</param>
    /// <param name="membershipsUrl">The course's NRPS context_memberships_url; null while NRPS is off for it.</param>
    public static DevLaunch Create(
        PendingLaunch pending, ToolClient client, string nonce, DevPlatformOptions options, AgsLaunch ags, string? deepLinkingData, string? membershipsUrl)
    {
        var urls = new PlatformUrls(pending.Origin, options.ToolOrigin);
        var user = pending.User;
        var isDeepLinking = pending.MessageType == LtiMessageTypes.DeepLinkingRequest;
        return new DevLaunch
        {
            Issuer = urls.Issuer,
            ClientId = client.ClientId,
            DeploymentId = client.DeploymentId,
            Nonce = nonce,
            Subject = user.Subject,
            Roles = user.Roles,
            MessageType = pending.MessageType,
            TargetLinkUri = TargetLinkUri(client, pending.Link, pending.MessageType),
            ResourceLinkId = pending.Link?.Id,
            ResourceLinkTitle = pending.Link?.Title,
            ResourceLinkDescription = pending.Link?.Text,
            DocumentTarget = pending.Link?.DocumentTarget ?? "iframe",
            ContextId = pending.Course.Id,
            ContextLabel = pending.Course.Label,
            ContextTitle = pending.Course.Title,
            Name = user.Name,
            GivenName = user.GivenName,
            FamilyName = user.FamilyName,
            Email = user.Email,
            Locale = pending.Locale,
            ReturnUrl = urls.Return,
            Custom = pending.Link?.Custom ?? new Dictionary<string, string>(),
            DeepLinkReturnUrl = isDeepLinking ? urls.DeepLinkReturn : null,
            AcceptMultiple = pending.AcceptMultiple,
            DeepLinkingData = isDeepLinking ? deepLinkingData : null,
            MembershipsUrl = membershipsUrl,
            AgsEndpoint = ags.Endpoint.Scope.Count == 0 ? null : ags.Endpoint,
            ProductFamilyCode = ags.ProductFamilyCode,
        };
    }

    /// <summary>The link's own URL when deep linking gave it one, else the tool's URL for the message type.</summary>
    public static string TargetLinkUri(ToolClient client, DemoLink? link, string messageType) =>
        link?.Url ?? (messageType == LtiMessageTypes.DeepLinkingRequest ? client.DeepLinkingTargetLinkUri : client.TargetLinkUri);
}
