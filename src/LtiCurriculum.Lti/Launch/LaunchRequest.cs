namespace LtiCurriculum.Lti.Launch;

/// <summary>
/// The authentication response the platform auto-posted to the redirect URI, plus the binding value the
/// browser sent back: in the login state cookie, or read from the platform's storage (null when neither came back).
/// </summary>
public sealed record LaunchRequest(string? IdToken, string? State, string? BrowserBinding)
{
    /// <summary>
    /// Set when the binding came from the platform's storage rather than the cookie: the nonce stored beside it, which
    /// must equal the login's (LTI Platform Storage 0.1, cookieless launch).
    /// </summary>
    public string? PlatformStorageNonce { get; init; }
}
