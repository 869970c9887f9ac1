namespace LtiCurriculum.Lti.Claims;

/// <summary>What the tool cares about in a launch's roles. A user may hold several.</summary>
[Flags]
public enum LtiRole
{
    None = 0,
    Learner = 1,
    Instructor = 2,
    TeachingAssistant = 4,
    Administrator = 8,
    ContentDeveloper = 16,
    Mentor = 32,
}

/// <summary>
/// Maps the LIS role vocabularies (LTI Core 1.3 Appendix A) to <see cref="LtiRole"/>: full URIs, the
/// deprecated short forms ("Instructor") and LTI 1.1 URNs. Unknown roles are ignored, never an error.
/// Institution and system roles grant nothing in a course except Administrator: Canvas sends
/// institution#Instructor to a faculty member even when they take a course as a student.
/// </summary>
public static class LtiRoles
{
    private const string Membership = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    private const string Institution = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
    private const string System = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

    public const string LearnerUri = Membership + "Learner";
    public const string InstructorUri = Membership + "Instructor";
    public const string TeachingAssistantUri = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
    public const string AdministratorUri = Membership + "Administrator";

    /// <summary>Can manage the course's use of the tool (place links, see the class, grade).</summary>
    public static bool IsCourseStaff(LtiRole roles) =>
        (roles & (LtiRole.Instructor | LtiRole.TeachingAssistant | LtiRole.Administrator | LtiRole.ContentDeveloper)) != 0;

    public static LtiRole Map(IEnumerable<string> roles)
    {
        var result = LtiRole.None;
        foreach (var role in roles)
        {
            result |= MapOne(role);
        }
        return result;
    }

    public static LtiRole MapOne(string role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return LtiRole.None;
        }

        // Sub-roles (membership/Instructor#TeachingAssistant) carry the principal role in the path.
        if (role.StartsWith("http://purl.imsglobal.org/vocab/lis/v2/membership/", StringComparison.Ordinal))
        {
            var hash = role.IndexOf('#');
            var subRole = hash >= 0 ? role[(hash + 1)..] : string.Empty;
            if (subRole == "TeachingAssistant" || role.EndsWith("Instructor#TeachingAssistant", StringComparison.Ordinal))
            {
                return LtiRole.TeachingAssistant;
            }
            var principal = role["http://purl.imsglobal.org/vocab/lis/v2/membership/".Length..(hash >= 0 ? hash : role.Length)];
            return MapContextRoleName(principal);
        }
        if (role.StartsWith(Membership, StringComparison.Ordinal))
        {
            return MapContextRoleName(role[Membership.Length..]);
        }
        if (role.StartsWith(Institution, StringComparison.Ordinal))
        {
            return role[Institution.Length..] == "Administrator" ? LtiRole.Administrator : LtiRole.None;
        }
        if (role.StartsWith(System, StringComparison.Ordinal))
        {
            var name = role[System.Length..];
            return name is "Administrator" or "SysAdmin" ? LtiRole.Administrator : LtiRole.None;
        }
        if (role.StartsWith("urn:lti:role:ims/lis/", StringComparison.Ordinal))
        {
            var name = role["urn:lti:role:ims/lis/".Length..];
            return name.StartsWith("TeachingAssistant", StringComparison.Ordinal) || name == "Instructor/TeachingAssistant"
                ? LtiRole.TeachingAssistant
                : MapContextRoleName(name.Split('/')[0]);
        }
        if (role.StartsWith("urn:lti:instrole:ims/lis/", StringComparison.Ordinal)
            || role.StartsWith("urn:lti:sysrole:ims/lis/", StringComparison.Ordinal))
        {
            var name = role[(role.LastIndexOf('/') + 1)..];
            return name is "Administrator" or "SysAdmin" ? LtiRole.Administrator : LtiRole.None;
        }

        // Deprecated short context role names ("Learner", "Instructor").
        return MapContextRoleName(role);
    }

    private static LtiRole MapContextRoleName(string name) => name switch
    {
        "Learner" or "Student" => LtiRole.Learner,
        "Instructor" or "Faculty" => LtiRole.Instructor,
        "TeachingAssistant" => LtiRole.TeachingAssistant,
        "Administrator" => LtiRole.Administrator,
        "ContentDeveloper" => LtiRole.ContentDeveloper,
        "Mentor" => LtiRole.Mentor,
        _ => LtiRole.None,
    };
}
