using LtiCurriculum.Lti.Claims;

namespace LtiCurriculum.Lti.Tests;

/// <summary>The role vocabularies mapped to what the tool cares about (1A-26; LTI Core 1.3 Appendix A).</summary>
public sealed class RolesTests
{
    [Theory] // 1A-26: full context-role URIs
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", LtiRole.Learner)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor", LtiRole.Instructor)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator", LtiRole.Administrator)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper", LtiRole.ContentDeveloper)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor", LtiRole.Mentor)]
    public void Membership_uris_map_to_their_role(string uri, LtiRole expected) => Assert.Equal(expected, LtiRoles.MapOne(uri));

    [Theory] // 1A-26: sub-roles carry the principal role in the path
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant", LtiRole.TeachingAssistant)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#Lecturer", LtiRole.Instructor)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#NonCreditLearner", LtiRole.Learner)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership/ContentDeveloper#ContentExpert", LtiRole.ContentDeveloper)]
    public void Membership_sub_roles_map_to_their_principal_role(string uri, LtiRole expected) => Assert.Equal(expected, LtiRoles.MapOne(uri));

    [Theory] // 1A-26: institution and system roles grant nothing in a course…
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor")]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty")]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student")]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Learner")]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/system/person#User")]
    [InlineData("urn:lti:instrole:ims/lis/Instructor")]
    [InlineData("urn:lti:instrole:ims/lis/Student")]
    public void Institution_and_system_roles_grant_nothing(string uri) => Assert.Equal(LtiRole.None, LtiRoles.MapOne(uri));

    [Theory] // 1A-26: …except Administrator
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator")]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator")]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin")]
    [InlineData("urn:lti:instrole:ims/lis/Administrator")]
    [InlineData("urn:lti:sysrole:ims/lis/SysAdmin")]
    [InlineData("urn:lti:sysrole:ims/lis/Administrator")]
    public void Institution_and_system_administrators_are_administrators(string uri) => Assert.Equal(LtiRole.Administrator, LtiRoles.MapOne(uri));

    [Theory] // 1A-26: deprecated short context role names
    [InlineData("Learner", LtiRole.Learner)]
    [InlineData("Instructor", LtiRole.Instructor)]
    [InlineData("Mentor", LtiRole.Mentor)]
    [InlineData("ContentDeveloper", LtiRole.ContentDeveloper)]
    [InlineData("TeachingAssistant", LtiRole.TeachingAssistant)]
    public void Short_role_names_map_to_their_role(string name, LtiRole expected) => Assert.Equal(expected, LtiRoles.MapOne(name));

    [Theory] // 1A-26: LTI 1.1 URNs
    [InlineData("urn:lti:role:ims/lis/Instructor", LtiRole.Instructor)]
    [InlineData("urn:lti:role:ims/lis/Learner", LtiRole.Learner)]
    [InlineData("urn:lti:role:ims/lis/Learner/NonCreditLearner", LtiRole.Learner)]
    [InlineData("urn:lti:role:ims/lis/TeachingAssistant", LtiRole.TeachingAssistant)]
    [InlineData("urn:lti:role:ims/lis/Instructor/TeachingAssistant", LtiRole.TeachingAssistant)]
    [InlineData("urn:lti:role:ims/lis/Mentor", LtiRole.Mentor)]
    [InlineData("urn:lti:role:ims/lis/Administrator", LtiRole.Administrator)]
    public void Lti11_urns_map_to_their_role(string urn, LtiRole expected) => Assert.Equal(expected, LtiRoles.MapOne(urn));

    [Theory] // 1A-26: unknown roles are ignored, never an error
    [InlineData("http://example.com/roles#Wizard")]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#Wizard")]
    [InlineData("Wizard")]
    [InlineData("instructor")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership/")]
    [InlineData("urn:lti:role:ims/lis/")]
    public void Unknown_roles_map_to_none(string role) => Assert.Equal(LtiRole.None, LtiRoles.MapOne(role));

    [Fact] // 1A-26: several roles combine
    public void Several_roles_combine_into_flags()
    {
        var roles = LtiRoles.Map([
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
            "http://example.com/roles#Wizard",
        ]);

        Assert.Equal(LtiRole.Instructor | LtiRole.TeachingAssistant, roles);
    }

    [Fact] // 1A-26: roles may be empty
    public void No_roles_map_to_none() => Assert.Equal(LtiRole.None, LtiRoles.Map([]));

    [Fact] // the library's published URIs are the LIS ones
    public void Published_role_uris_are_the_lis_vocabulary()
    {
        Assert.Equal("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", LtiRoles.LearnerUri);
        Assert.Equal("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor", LtiRoles.InstructorUri);
        Assert.Equal("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant", LtiRoles.TeachingAssistantUri);
        Assert.Equal("http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator", LtiRoles.AdministratorUri);
    }
}
