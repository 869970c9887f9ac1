namespace LtiCurriculum.Lti.Launch;

/// <summary>
/// The authentication response the platform auto-posted to the redirect URI, plus the binding value the
/// browser sent back in the login state cookie (null when the cookie did not come back).
/// </summary>
public sealed record LaunchRequest(string? IdToken, string? State, string? BrowserBinding);
