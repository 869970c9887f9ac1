using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// A tool as this platform knows it: the built-in one from the settings (<c>DevPlatform:ClientId</c> and the tool's
/// paths), or one registered by dynamic registration (<see cref="Registration"/>). Launches, the authorization
/// endpoint, the token endpoint and deep linking returns all ask this one place.
/// </summary>
internal sealed record ToolClient(
    string ClientId,
    string DeploymentId,
    string LoginUri,
    string TargetLinkUri,
    string DeepLinkingTargetLinkUri,
    IReadOnlyList<string> RedirectUris,
    string JwksUri,
    DynamicRegistration? Registration)
{
    /// <summary>Whether the tool may be granted <paramref name="scope"/>: a registered tool only those it registered.</summary>
    public bool Allows(string scope) => Registration is null || Registration.Scopes.Contains(scope);
}

/// <summary>Finds the <see cref="ToolClient"/> of a client id.</summary>
internal sealed class ToolClients(DynamicRegistrations registrations, IOptions<DevPlatformOptions> options)
{
    public ToolClient Default(PlatformUrls urls)
    {
        var settings = options.Value;
        var launch = urls.OnTool(settings.ToolLaunchPath);
        return new(settings.ClientId, settings.DeploymentId, urls.OnTool(settings.ToolLoginPath), launch, launch, [launch],
            urls.OnTool(settings.ToolJwksPath), null);
    }

    public static ToolClient Of(DynamicRegistration registration) =>
        new(registration.ClientId, registration.DeploymentId, registration.InitiateLoginUri, registration.TargetLinkUri,
            registration.DeepLinkingTargetLinkUri, registration.RedirectUris, registration.JwksUri, registration);

    /// <summary>The registered tool with this client id, else the built-in one (whose id the caller still compares).</summary>
    public ToolClient Find(string? clientId, PlatformUrls urls) =>
        registrations.Find(clientId) is { } registration ? Of(registration) : Default(urls);
}
