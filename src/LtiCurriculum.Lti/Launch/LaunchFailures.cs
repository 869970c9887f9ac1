namespace LtiCurriculum.Lti.Launch;

/// <summary>Every reason a login initiation or launch can fail. Numbers in brackets cite LTI-NOTES §1A.</summary>
public static class LaunchFailures
{
    private static LaunchFailure BadRequest(string code, string text) => new(code, 400, text);
    private static LaunchFailure Unauthorized(string code, string text) => new(code, 401, text);
    private static LaunchFailure Forbidden(string code, string text) => new(code, 403, text);

    // Login initiation [1-8]
    public static readonly LaunchFailure LoginParameterMissing = BadRequest("login_parameter_missing", "The login initiation is missing a required parameter.");
    public static readonly LaunchFailure LoginPlatformUnknown = Forbidden("login_platform_unknown", "No platform is registered with this issuer (and client id).");
    public static readonly LaunchFailure LoginPlatformAmbiguous = BadRequest("login_platform_ambiguous", "Several registrations share this issuer and the platform did not send client_id to choose one.");
    public static readonly LaunchFailure LoginTargetLinkUriForeign = BadRequest("login_target_link_uri_foreign", "target_link_uri does not point at this tool.");
    public static readonly LaunchFailure PlatformDisabled = Forbidden("platform_disabled", "This tool's administrator has disabled the registration of this LMS, so the tool cannot be opened from it. Ask the LMS administrator to contact the tool's administrator.");
    public static readonly LaunchFailure LoginDeploymentUnknown = Forbidden("login_deployment_unknown", "The deployment named in lti_deployment_id is not registered for this platform.");

    // State [11, 13]
    public static readonly LaunchFailure StateMissing = BadRequest("state_missing", "The launch carries no state.");
    public static readonly LaunchFailure StateNotInBrowser = Unauthorized("state_not_in_browser", "This browser did not send back the cookie set when the launch began, and the course did not keep the sign-in for the tool either: the browser blocks cookies in pages embedded from another site. Open the activity again from your course in a new window or tab (in most courses, right-click or long-press its link and choose to open it in a new window). Only the course can start a new sign-in, so this page cannot open it for you.");
    public static readonly LaunchFailure StateUnknown = Unauthorized("state_unknown", "The state is unknown, expired or was already used. Start the launch again from the course.");
    public static readonly LaunchFailure StateBrowserMismatch = Unauthorized("state_browser_mismatch", "The launch did not begin in this browser.");

    // id_token form and signature [14, 15]
    public static readonly LaunchFailure TokenMissing = BadRequest("id_token_missing", "The launch carries no id_token.");
    public static readonly LaunchFailure TokenTooLarge = BadRequest("id_token_too_large", "The id_token is larger than this tool accepts.");
    public static readonly LaunchFailure TokenMalformed = BadRequest("id_token_malformed", "The id_token is not a well-formed signed JWT.");
    public static readonly LaunchFailure AlgorithmNotAllowed = Unauthorized("alg_not_allowed", "The id_token must be signed with RS256.");
    public static readonly LaunchFailure KeyIdMissing = Unauthorized("kid_missing", "The id_token header has no kid.");
    public static readonly LaunchFailure KeyIdUnknown = Unauthorized("kid_unknown", "The platform's key set has no key with the id_token's kid.");
    public static readonly LaunchFailure JwksUnavailable = new("platform_jwks_unavailable", 502, "The platform's public key set could not be fetched. Try again shortly; if it persists, tell the LMS administrator.");
    public static readonly LaunchFailure SignatureInvalid = Unauthorized("signature_invalid", "The id_token signature does not verify with the platform's key.");
    public static readonly LaunchFailure ClaimsMalformed = BadRequest("claims_malformed", "A claim in the id_token has the wrong type.");

    // Registered claims [16-20]
    public static readonly LaunchFailure IssuerMismatch = Unauthorized("iss_mismatch", "iss is not the issuer this launch began with.");
    public static readonly LaunchFailure AudienceMismatch = Unauthorized("aud_mismatch", "aud does not contain this tool's client_id.");
    public static readonly LaunchFailure AuthorizedPartyMissing = Unauthorized("azp_missing", "aud has several values but azp is missing.");
    public static readonly LaunchFailure AuthorizedPartyMismatch = Unauthorized("azp_mismatch", "azp is not this tool's client_id.");
    public static readonly LaunchFailure ExpiryMissing = Unauthorized("exp_missing", "The id_token has no exp.");
    public static readonly LaunchFailure TokenExpired = Unauthorized("token_expired", "The id_token has expired (check the platform's and the tool's clocks).");
    public static readonly LaunchFailure IssuedAtMissing = Unauthorized("iat_missing", "The id_token has no iat.");
    public static readonly LaunchFailure IssuedInFuture = Unauthorized("iat_in_future", "The id_token was issued in the future (check the platform's and the tool's clocks).");
    public static readonly LaunchFailure TokenTooOld = Unauthorized("token_too_old", "The id_token was issued too long ago.");
    public static readonly LaunchFailure NotYetValid = Unauthorized("nbf_in_future", "The id_token is not valid yet (nbf).");
    public static readonly LaunchFailure NonceMissing = Unauthorized("nonce_missing", "The id_token has no nonce.");
    public static readonly LaunchFailure NonceMismatch = Unauthorized("nonce_mismatch", "The nonce is not the one issued for this launch (a replayed or forged token).");

    // LTI claims [21-27]
    public static readonly LaunchFailure DeploymentIdMissing = BadRequest("deployment_id_missing", "The deployment_id claim is missing.");
    public static readonly LaunchFailure DeploymentIdMismatch = Unauthorized("deployment_id_mismatch", "deployment_id differs from the lti_deployment_id sent at login.");
    public static readonly LaunchFailure DeploymentUnknown = Forbidden("deployment_unknown", "This deployment is not registered for the platform. An administrator can add it.");
    public static readonly LaunchFailure VersionMissing = BadRequest("version_missing", "The version claim is missing.");
    public static readonly LaunchFailure VersionUnsupported = BadRequest("version_unsupported", "Only LTI version 1.3.0 is supported.");
    public static readonly LaunchFailure MessageTypeMissing = BadRequest("message_type_missing", "The message_type claim is missing.");
    public static readonly LaunchFailure MessageTypeUnsupported = BadRequest("message_type_unsupported", "This message type is not supported.");
    public static readonly LaunchFailure ResourceLinkMissing = BadRequest("resource_link_missing", "A resource link launch needs the resource_link claim with an id.");
    public static readonly LaunchFailure RolesMissing = BadRequest("roles_missing", "The roles claim is missing.");
    public static readonly LaunchFailure TargetLinkUriMissing = BadRequest("target_link_uri_missing", "The target_link_uri claim is missing.");
    public static readonly LaunchFailure ClaimTooLong = BadRequest("claim_too_long", "An identifier claim is longer than 255 characters.");
    public static readonly LaunchFailure ContextIdMissing = BadRequest("context_id_missing", "The context claim has no id.");
    public static readonly LaunchFailure SubjectMissing = BadRequest("sub_missing", "This launch needs a user (sub).");
    public static readonly LaunchFailure DeepLinkingSettingsMissing = BadRequest("deep_linking_settings_missing", "A deep linking request needs deep_linking_settings with deep_link_return_url, accept_types and accept_presentation_document_targets.");

    /// <summary>The sentence that names an unknown deployment and the CLI command that adds it.</summary>
    public static string AddDeploymentHint(Storage.PlatformRegistration registration, string deploymentId) =>
        $"Deployment id: {deploymentId}. An administrator adds it with: deployments add --issuer {registration.Issuer} --client-id {registration.ClientId} --deployment-id {deploymentId}";
}
