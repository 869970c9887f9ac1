namespace LtiCurriculum.Lti.Claims;

/// <summary>Every claim URI the tool reads or writes, in one place (LTI Core 1.3, DL 2.0, AGS 2.0, NRPS 2.0).</summary>
public static class LtiClaimNames
{
    private const string Lti = "https://purl.imsglobal.org/spec/lti/claim/";

    public const string MessageType = Lti + "message_type";
    public const string Version = Lti + "version";
    public const string DeploymentId = Lti + "deployment_id";
    public const string TargetLinkUri = Lti + "target_link_uri";
    public const string ResourceLink = Lti + "resource_link";
    public const string Roles = Lti + "roles";
    public const string Context = Lti + "context";
    public const string ToolPlatform = Lti + "tool_platform";
    public const string LaunchPresentation = Lti + "launch_presentation";
    public const string Custom = Lti + "custom";
    public const string Lis = Lti + "lis";
    public const string RoleScopeMentor = Lti + "role_scope_mentor";
    public const string Lti1p1 = Lti + "lti1p1";

    private const string Dl = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    public const string DeepLinkingSettings = Dl + "deep_linking_settings";
    public const string ContentItems = Dl + "content_items";
    public const string DeepLinkingData = Dl + "data";
    public const string DeepLinkingMsg = Dl + "msg";
    public const string DeepLinkingLog = Dl + "log";
    public const string DeepLinkingErrorMsg = Dl + "errormsg";
    public const string DeepLinkingErrorLog = Dl + "errorlog";

    public const string AgsEndpoint = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public const string NrpsService = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

    public const string Subject = "sub";
    public const string Nonce = "nonce";
    public const string AuthorizedParty = "azp";
    public const string Name = "name";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string Email = "email";
    public const string Locale = "locale";
}

public static class LtiMessageTypes
{
    public const string ResourceLinkRequest = "LtiResourceLinkRequest";
    public const string DeepLinkingRequest = "LtiDeepLinkingRequest";
    public const string DeepLinkingResponse = "LtiDeepLinkingResponse";
}
