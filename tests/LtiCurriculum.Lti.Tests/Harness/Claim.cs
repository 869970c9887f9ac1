namespace LtiCurriculum.Lti.Tests.Harness;

/// <summary>
/// Claim names and role URIs written out literally (not taken from the library) so that a typo in the
/// library's constants makes tests fail instead of agreeing with it.
/// </summary>
internal static class Claim
{
    public const string MessageType = "https://purl.imsglobal.org/spec/lti/claim/message_type";
    public const string Version = "https://purl.imsglobal.org/spec/lti/claim/version";
    public const string DeploymentId = "https://purl.imsglobal.org/spec/lti/claim/deployment_id";
    public const string TargetLinkUri = "https://purl.imsglobal.org/spec/lti/claim/target_link_uri";
    public const string ResourceLink = "https://purl.imsglobal.org/spec/lti/claim/resource_link";
    public const string Roles = "https://purl.imsglobal.org/spec/lti/claim/roles";
    public const string Context = "https://purl.imsglobal.org/spec/lti/claim/context";
    public const string ToolPlatform = "https://purl.imsglobal.org/spec/lti/claim/tool_platform";
    public const string LaunchPresentation = "https://purl.imsglobal.org/spec/lti/claim/launch_presentation";
    public const string Custom = "https://purl.imsglobal.org/spec/lti/claim/custom";
    public const string Lis = "https://purl.imsglobal.org/spec/lti/claim/lis";
    public const string Ext = "https://purl.imsglobal.org/spec/lti/claim/ext";
    public const string DeepLinkingSettings = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    public const string AgsEndpoint = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public const string NrpsService = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    public const string CanvasPlacement = "https://www.instructure.com/placement";

    public const string ResourceLinkRequest = "LtiResourceLinkRequest";
    public const string DeepLinkingRequest = "LtiDeepLinkingRequest";
}

internal static class Role
{
    public const string Learner = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public const string Instructor = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public const string Mentor = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor";
    public const string ContentDeveloper = "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper";
    public const string TeachingAssistant = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
    public const string InstitutionInstructor = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor";
    public const string InstitutionStudent = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student";
    public const string InstitutionAdministrator = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";
    public const string SystemAdministrator = "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator";
}
