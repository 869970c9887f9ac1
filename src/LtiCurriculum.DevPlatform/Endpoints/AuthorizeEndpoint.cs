using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// GET|POST /dev-platform/authorize: the OIDC authorization endpoint. Only ever answers to the tool's registered
/// redirect_uri: with an auto-posted id_token, or with an auto-posted OIDC error.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, PendingLaunchStore store, IdTokenBuilder idTokens, AgsLaunchClaims agsClaims,
        DeepLinkingRequests deepLinkingRequests, NrpsSwitch nrps, IOptions<DevPlatformOptions> options, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        var urls = PlatformUrls.For(context.Request);
        var logger = loggerFactory.CreateLogger(DevPlatformLog.Category);
        var request = await AuthorizationRequest.ReadAsync(context.Request, context.RequestAborted);
        var redirectUri = urls.OnTool(settings.ToolLaunchPath);
        if (!string.Equals(request.RedirectUri, redirectUri, StringComparison.Ordinal))
        {
            logger.RedirectUriRefused();
            return MessagePages.BadRequest(urls, "The tool's authentication request was refused",
                $"redirect_uri \u201c{request.RedirectUri}\u201d is not registered for this tool; the only registered one is \u201c{redirectUri}\u201d.");
        }

        var (pending, error) = Authorize(request, store, settings);
        if (error is not null)
        {
            logger.AuthorizationRefused(error.Code, error.Description);
            return AutoPostForm.Page("Returning an error to the tool", redirectUri, WithState(request,
                KeyValuePair.Create("error", error.Code), KeyValuePair.Create("error_description", error.Description)));
        }

        // Deep Linking 2.0 §4.4: the platform remembers each request's data, to match the response that echoes it.
        var data = pending!.MessageType == LtiMessageTypes.DeepLinkingRequest
            ? deepLinkingRequests.Open(pending.Course.Id, settings.DeploymentId, pending.User.Key, pending.AcceptMultiple)
            : null;
        var membershipsUrl = nrps.IsOn(pending.Course.Id) ? new PlatformUrls(pending.Origin).Memberships(pending.Course.Id) : null;
        var idToken = idTokens.Build(DemoLaunchFactory.Create(pending, request.Nonce!, settings, agsClaims.For(pending), data, membershipsUrl));
        logger.IdTokenIssued(pending!.MessageType, pending.User.Key);
        return AutoPostForm.Page("Signing you in to the tool", redirectUri, WithState(request, KeyValuePair.Create("id_token", idToken)));
    }

    private static (PendingLaunch? Pending, AuthorizationError? Error) Authorize(AuthorizationRequest request, PendingLaunchStore store, DevPlatformOptions settings)
    {
        var error = request.CheckParameters(settings.ClientId);
        if (error is not null)
        {
            return (null, error);
        }

        if (!store.TryTake(request.LtiMessageHint, out var pending))
        {
            return (null, new("invalid_request", "lti_message_hint is unknown, expired or already used; start the launch again."));
        }

        return request.LoginHint == pending.User.LoginHint
            ? (pending, null)
            : (null, new("access_denied", "login_hint is not the user this launch was started for."));
    }

    private static List<KeyValuePair<string, string>> WithState(AuthorizationRequest request, params KeyValuePair<string, string>[] fields)
    {
        var all = fields.ToList();
        if (request.State is not null)
        {
            all.Add(new("state", request.State));
        }

        return all;
    }
}
