namespace LtiCurriculum.Lti.Oidc;

/// <summary>
/// The third-party initiated login request (LTI Core 1.3 §4.1, Security Framework §5.1.1.1), from the
/// query (GET, Canvas) or the form (POST, Moodle). Unknown vendor parameters are simply not read.
/// </summary>
public sealed record LoginInitiation(
    string? Issuer,
    string? LoginHint,
    string? TargetLinkUri,
    string? LtiMessageHint,
    string? ClientId,
    string? LtiDeploymentId,
    string? LtiStorageTarget)
{
    public static LoginInitiation From(Func<string, string?> parameter) => new(
        parameter("iss"),
        parameter("login_hint"),
        parameter("target_link_uri"),
        parameter("lti_message_hint"),
        parameter("client_id"),
        parameter("lti_deployment_id"),
        parameter("lti_storage_target"));
}
