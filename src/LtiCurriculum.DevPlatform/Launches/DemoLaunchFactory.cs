using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>Turns an authorized pending launch into the <see cref="DevLaunch"/> its id_token says.</summary>
internal static class DemoLaunchFactory
{
    public static DevLaunch Create(PendingLaunch pending, string nonce, DevPlatformOptions options, AgsLaunch ags)
    {
        var urls = new PlatformUrls(pending.Origin, options.ToolOrigin);
        var user = pending.User;
        var isDeepLinking = pending.MessageType == LtiMessageTypes.DeepLinkingRequest;
        return new DevLaunch
        {
            Issuer = urls.Issuer,
            ClientId = options.ClientId,
            DeploymentId = options.DeploymentId,
            Nonce = nonce,
            Subject = user.Subject,
            Roles = user.Roles,
            MessageType = pending.MessageType,
            TargetLinkUri = urls.OnTool(options.ToolLaunchPath),
            ResourceLinkId = pending.Link?.Id,
            ResourceLinkTitle = pending.Link?.Title,
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
            DeepLinkingData = isDeepLinking ? $"{pending.Course.Id}:{Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12))}" : null,
            AgsEndpoint = ags.Endpoint,
            ProductFamilyCode = ags.ProductFamilyCode,
        };
    }
}
