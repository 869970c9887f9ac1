using LtiCurriculum.Lti.Launch;

namespace LtiCurriculum.Lti.Oidc;

/// <summary>
/// Where to send the browser next, plus what to bind to it: <see cref="BrowserBinding"/> goes into the
/// cookie named <see cref="LoginStateCookie.NameFor"/>(<see cref="State"/>).
/// </summary>
public sealed record LoginOutcome(string? AuthorizationUrl, string? State, string? BrowserBinding, DateTimeOffset ExpiresAt, LaunchFailure? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>Set when the platform offered its storage (<c>lti_storage_target</c>): the binding and nonce may travel there too.</summary>
    public PlatformStorage? PlatformStorage { get; init; }

    /// <summary>The nonce sent to the platform; kept in the platform's storage beside the binding when it offers one.</summary>
    public string? Nonce { get; init; }

    public static LoginOutcome Fail(LaunchFailure failure) => new(null, null, null, default, failure);
}
