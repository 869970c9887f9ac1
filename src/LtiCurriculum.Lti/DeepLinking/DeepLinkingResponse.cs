using LtiCurriculum.Lti.Launch;

namespace LtiCurriculum.Lti.DeepLinking;

/// <summary>
/// What a deep-linking response says (Deep Linking 2.0 §4.5): to which platform and deployment, the request's
/// <see cref="Data"/> echoed, the items (none = the instructor cancelled), and optional messages for the user
/// (<see cref="Message"/>, <see cref="ErrorMessage"/>) and the platform's log (<see cref="Log"/>, <see cref="ErrorLog"/>).
/// </summary>
public sealed record DeepLinkingResponse(string PlatformIssuer, string ClientId, string DeploymentId, IReadOnlyList<ContentItem> Items)
{
    /// <summary>The request's <c>data</c> exactly as received; null when the request had none.</summary>
    public string? Data { get; init; }
    public string? Message { get; init; }
    public string? Log { get; init; }
    public string? ErrorMessage { get; init; }
    public string? ErrorLog { get; init; }

    /// <summary>The response to a validated deep-linking launch: its platform, client id, deployment and data.</summary>
    public static DeepLinkingResponse For(LtiLaunch request, IReadOnlyList<ContentItem> items)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsDeepLinking)
        {
            throw new ArgumentException($"A deep-linking response answers an LtiDeepLinkingRequest, not {request.MessageType}.", nameof(request));
        }
        return new DeepLinkingResponse(request.Issuer, request.ClientId, request.DeploymentId, items)
        {
            Data = request.DeepLinkingSettings?.Data,
        };
    }
}
