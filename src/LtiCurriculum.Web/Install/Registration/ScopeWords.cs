using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Nrps;

namespace LtiCurriculum.Web.Install.Registration;

/// <summary>What each scope lets the tool do, in words an LMS administrator reviews.</summary>
internal static class ScopeWords
{
    public static string Describe(string scope) => scope switch
    {
        AgsScopes.LineItem => "Create and update gradebook columns for its assignments (Assignment and Grade Services)",
        AgsScopes.LineItemReadOnly => "Read gradebook columns (Assignment and Grade Services)",
        AgsScopes.ResultReadOnly => "Read the grades in its own columns (Assignment and Grade Services)",
        AgsScopes.Score => "Send learners' scores to the gradebook (Assignment and Grade Services)",
        NrpsScopes.ContextMembershipReadOnly => "Read the course roster: names and roles (Names and Role Provisioning Services)",
        _ => "Another service",
    };

    public static string DescribeMessage(string type) => type switch
    {
        Profile.ToolProfile.ResourceLinkMessage => "Open a module (resource link launch)",
        Profile.ToolProfile.DeepLinkingMessage => "Choose a module to add to a course (deep linking)",
        _ => type,
    };
}
