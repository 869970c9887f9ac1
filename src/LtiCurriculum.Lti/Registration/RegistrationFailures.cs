namespace LtiCurriculum.Lti.Registration;

/// <summary>
/// Every reason a dynamic registration can stop on the tool's side (LTI Dynamic Registration 1.0 §3). A problem with
/// the LMS's answer is a 502: the administrator's request was fine, the platform's reply was not.
/// </summary>
public static class RegistrationFailures
{
    private static RegistrationFailure BadRequest(string code, string text) => new(code, 400, text);
    private static RegistrationFailure BadGateway(string code, string text) => new(code, 502, text);

    // The URLs the platform gave.
    public static readonly RegistrationFailure UrlInvalid = BadRequest("platform_url_invalid", "The LMS gave an address the tool will not call: it must be an absolute https URL.");
    public static readonly RegistrationFailure AddressForbidden = BadRequest("platform_address_forbidden", "The LMS address resolves to a private, loopback or link-local network address, which the tool never calls.");

    // Talking to the platform.
    public static readonly RegistrationFailure Unreachable = BadGateway("platform_unreachable", "The LMS could not be reached, so nothing was saved. Check the LMS address and try again.");
    public static readonly RegistrationFailure Timeout = new("platform_timeout", 504, "The LMS did not answer in time, so nothing was saved. Try again; if it persists, tell the LMS administrator.");
    public static readonly RegistrationFailure Redirected = BadGateway("platform_redirected", "The LMS answered with a redirect, which the tool does not follow.");
    public static readonly RegistrationFailure ResponseTooLarge = BadGateway("platform_response_too_large", $"The LMS answer is larger than {RegistrationOptions.MaxResponseBytes / 1024} KiB, so the tool stopped reading it.");
    public static readonly RegistrationFailure ConfigurationUnavailable = BadGateway("platform_configuration_unavailable", "The LMS did not return its OpenID configuration.");
    public static readonly RegistrationFailure ConfigurationMalformed = BadGateway("platform_configuration_malformed", "The LMS OpenID configuration is not a JSON object with the expected fields.");

    // The configuration's content (one check each, in Checks/).
    public static readonly RegistrationFailure IssuerMissing = BadGateway("issuer_missing", "The LMS OpenID configuration has no issuer.");
    public static readonly RegistrationFailure IssuerOriginMismatch = BadGateway("issuer_origin_mismatch", "The issuer in the LMS OpenID configuration is not on the same site (scheme, host and port) as the configuration URL (LTI Dynamic Registration 1.0 §3.5.1).");
    public static readonly RegistrationFailure EndpointInvalid = BadGateway("platform_endpoint_invalid", "An endpoint in the LMS OpenID configuration is missing or not an absolute https URL.");
    public static readonly RegistrationFailure TokenAuthMethodUnsupported = BadGateway("token_auth_method_unsupported", "The LMS does not offer private_key_jwt at its token endpoint, which the tool needs for grades and rosters.");
    public static readonly RegistrationFailure IdTokenAlgorithmUnsupported = BadGateway("id_token_alg_unsupported", "The LMS does not sign launches with RS256, the only algorithm LTI 1.3 allows.");

    // The registration request and its answer.
    public static readonly RegistrationFailure TokenAlreadyUsed = BadGateway("registration_token_used", "The LMS says the registration token was used already. Start again from the LMS; nothing was saved.");
    public static readonly RegistrationFailure PlatformRefused = BadGateway("platform_refused_registration", "The LMS refused the registration; nothing was saved.");
    public static readonly RegistrationFailure PlatformFailed = BadGateway("platform_failed", "The LMS failed to complete the registration, so nothing was saved. Try again later or tell the LMS administrator.");
    public static readonly RegistrationFailure ResponseInvalid = BadGateway("registration_response_invalid", "The LMS answer to the registration has no client_id, so nothing was saved.");
}
