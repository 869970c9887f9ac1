namespace LtiCurriculum.DevPlatform;

/// <summary>
/// A person the demo LMS can launch as. <see cref="Key"/> names the user in forms; <see cref="Subject"/> is the
/// <c>sub</c> claim and login_hint (null for the anonymous user, whose login_hint is "anonymous").
/// Null name or email claims model a platform that does not share them. <see cref="Inactive"/> marks an enrolment
/// the course roster lists with status <c>Inactive</c>; <see cref="SourcedId"/> is the roster's lis_person_sourcedid.
/// </summary>
public sealed record DemoUser(
    string Key,
    string DisplayName,
    string Description,
    string? Subject,
    IReadOnlyList<string> Roles,
    string? Name = null,
    string? GivenName = null,
    string? FamilyName = null,
    string? Email = null,
    string? SourcedId = null,
    bool Inactive = false)
{
    public const string AnonymousLoginHint = "anonymous";

    public string LoginHint => Subject ?? AnonymousLoginHint;

    /// <summary>Instructors, teaching assistants and administrators: who may add activities with deep linking.</summary>
    public bool IsStaff => Roles.Any(role => role is LtiRoles.Instructor or LtiRoles.TeachingAssistant
        or LtiRoles.InstitutionAdministrator or LtiRoles.SystemAdministrator);
}
