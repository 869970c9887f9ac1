using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// GET|POST /dev-platform/authorize: the OIDC authorization endpoint. Only ever answers to a redirect_uri the tool named
/// by client_id registered (the built-in tool: its launch URL; a tool registered by dynamic registration: its
/// redirect_uris): with an auto-posted id_token, or with an auto-posted OIDC error.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, PendingLaunchStore store, IdTokenBuilder idTokens, AgsLaunchClaims agsClaims,
        DeepLinkingRequests deepLinkingRequests, NrpsSwitch nrps, ToolClients clients, IOptions<DevPlatformOptions> options, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        var urls = PlatformUrls.For(context.Request);
        var logger = loggerFactory.CreateLogger(DevPlatformLog.Category);
        var request = await AuthorizationRequest.ReadAsync(context.Request, context.RequestAborted);
        var client = clients.Find(request.ClientId, urls);
        var redirectUri = client.RedirectUris.FirstOrDefault(registered => string.Equals(request.RedirectUri, registered, StringComparison.Ordinal));
        if (redirectUri is null)
        {
            logger.RedirectUriRefused();
            return MessagePages.BadRequest(urls, "The tool's authentication request was refused", client.RedirectUris.Count == 1
                ? $"redirect_uri \u201c{request.RedirectUri}\u201d is not registered for this tool; the only registered one is \u201c{client.RedirectUris[0]}\u201d."
                : $"redirect_uri \u201c{request.RedirectUri}\u201d is not registered for this tool; the registered ones are {string.Join(", ", client.RedirectUris.Select(uri => $"\u201c{uri}\u201d"))}.");
        }

        var (pending, error) = Authorize(request, store, client);
        if (error is not null)
        {
            logger.AuthorizationRefused(error.Code, error.Description);
            return AutoPostForm.Page("Returning an error to the tool", redirectUri, WithState(request,
                KeyValuePair.Create("error", error.Code), KeyValuePair.Create("error_description", error.Description)));
        }

        // Deep Linking 2.0 §4.4: the platform remembers each request's data, to match the response that echoes it.
        var data = pending!.MessageType == LtiMessageTypes.DeepLinkingRequest
            ? deepLinkingRequests.Open(pending.Course.Id, client.ClientId, client.DeploymentId, pending.User.Key, pending.AcceptMultiple)
            : null;
        var membershipsUrl = nrps.IsOn(pending.Course.Id) && client.Allows(NrpsNames.Scope) ? new PlatformUrls(pending.Origin).Memberships(pending.Course.Id) : null;
        var idToken = idTokens.Build(DemoLaunchFactory.Create(pending, client, request.Nonce!, settings, agsClaims.For(pending), data, membershipsUrl));
        logger.IdTokenIssued(pending!.MessageType, pending.User.Key);
        var fields = WithState(request, KeyValuePair.Create("id_token", idToken));
        if (pending.StorageTarget is not null)
        {
            fields.Add(new(PlatformStorageNames.TargetParameter, pending.StorageTarget));
        }
        return AutoPostForm.Page("Signing you in to the tool", redirectUri, fields);
    }

    private static (PendingLaunch? Pending, AuthorizationError? Error) Authorize(AuthorizationRequest request, PendingLaunchStore store, ToolClient client)
    {
        var error = request.CheckParameters(client.ClientId);
        if (error is not null)
        {
            return (null, error);
        }

        if (!store.TryTake(request.LtiMessageHint, out var pending))
        {
            return (null, new("invalid_request", "lti_message_hint is unknown, expired or already used; start the launch again."));
        }

        if (pending.Registration?.ClientId != client.Registration?.ClientId)
        {
            return (null, new("unauthorized_client", "client_id is not the tool this launch was started for."));
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
