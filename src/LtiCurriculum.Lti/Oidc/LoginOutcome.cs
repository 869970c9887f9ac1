using LtiCurriculum.Lti.Launch;

namespace LtiCurriculum.Lti.Oidc;

/// <summary>
/// Where to send the browser next, plus what to bind to it: <see cref="BrowserBinding"/> goes into the
/// cookie named <see cref="LoginStateCookie.NameFor"/>(<see cref="State"/>).
/// </summary>
public sealed record LoginOutcome(string? AuthorizationUrl, string? State, string? BrowserBinding, DateTimeOffset ExpiresAt, LaunchFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static LoginOutcome Fail(LaunchFailure failure) => new(null, null, null, default, failure);
}
