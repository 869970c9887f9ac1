namespace LtiCurriculum.DevPlatform;

/// <summary>Claim names of an LTI 1.3 id_token, in one place.</summary>
internal static class LtiClaimNames
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
    public const string DeepLinkingSettings = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    public const string AgsEndpoint = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public const string NamesRoleService = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

    public const string LtiVersion = "1.3.0";
    public const string CourseOfferingContextType = "http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering";
}
