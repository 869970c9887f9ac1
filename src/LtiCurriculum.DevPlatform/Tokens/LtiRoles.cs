namespace LtiCurriculum.DevPlatform;

/// <summary>LTI 1.3 role URIs the demo users carry.</summary>
public static class LtiRoles
{
    public const string Learner = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public const string Instructor = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public const string TeachingAssistant = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
    public const string InstitutionStudent = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student";
    public const string InstitutionFaculty = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty";
    public const string InstitutionAdministrator = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";
    public const string SystemAdministrator = "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator";
}
