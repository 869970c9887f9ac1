namespace LtiCurriculum.Lti.Launch;

/// <summary>
/// Either a valid launch or the reason it was refused. <see cref="ReturnUrl"/> is the platform's
/// launch_presentation.return_url, given only when the token's signature was verified (so the error page
/// never links to an address an attacker chose).
/// </summary>
public sealed record LaunchResult(LtiLaunch? Launch, LaunchFailure? Failure, string? FailedStep, string? ReturnUrl)
{
    public bool Succeeded => Launch is not null;
}
