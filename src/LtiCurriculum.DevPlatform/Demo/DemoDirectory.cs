namespace LtiCurriculum.DevPlatform;

/// <summary>The demo LMS's courses, resource links, users and launch languages. Read-only.</summary>
public sealed class DemoDirectory
{
    public IReadOnlyList<DemoCourse> Courses { get; } =
    [
        new("med-501", "MED-501", "Leading Curriculum Change",
        [
            new("link-cc-1", "Why curricula change: the case for overhaul", Custom(("module", "curriculum-change-1"))),
            new("link-cc-2", "Mapping competencies to assessments", Custom(("module", "curriculum-change-2"))),
        ]),
        new("med-210", "MED-210", "Hematology/Oncology Clinical Pre-work",
        [
            new("link-ho-1", "Pre-work: anemia workup", Custom(("module", "heme-onc-1"))),
            new("link-ho-2", "Pre-work: tumor lysis syndrome", Custom(("module", "heme-onc-2"))),
        ]),
    ];

    public IReadOnlyList<DemoUser> Users { get; } =
    [
        new("learner-ana", "Ana Ramos (learner)", "Learner who shares name and email.", "dev-user-1001", [LtiRoles.Learner, LtiRoles.InstitutionStudent],
            Name: "Ana Ramos", GivenName: "Ana", FamilyName: "Ramos", Email: "ana.ramos@example.edu"),
        new("learner-private", "Learner without personal data", "Learner whose platform shares only an id: no name, no email.", "dev-user-1002", [LtiRoles.Learner]),
        new("instructor-lee", "Dr. Jordan Lee (instructor)", "Instructor of the course.", "dev-user-2001", [LtiRoles.Instructor, LtiRoles.InstitutionFaculty],
            Name: "Jordan Lee", GivenName: "Jordan", FamilyName: "Lee", Email: "jordan.lee@example.edu"),
        new("ta-kim", "Sam Kim (teaching assistant)", "Teaching assistant (an Instructor sub-role only).", "dev-user-3001", [LtiRoles.TeachingAssistant],
            Name: "Sam Kim", GivenName: "Sam", FamilyName: "Kim", Email: "sam.kim@example.edu"),
        new("admin", "Site administrator", "Administrator of the institution and the LMS.", "dev-user-9001", [LtiRoles.InstitutionAdministrator, LtiRoles.SystemAdministrator],
            Name: "Site Administrator", GivenName: "Site", FamilyName: "Administrator", Email: "lms-admin@example.edu"),
        new("anonymous", "Anonymous learner", "Anonymous launch: no sub and no personal data, roles only.", null, [LtiRoles.Learner]),
    ];

    /// <summary>Languages a launch can ask for in launch_presentation.locale; the first is the default.</summary>
    public IReadOnlyList<DemoLocale> Locales { get; } = [new("en", "English"), new("es", "Español"), new("zh-CN", "中文（简体）")];

    public DemoCourse? FindCourse(string? courseId) => Courses.FirstOrDefault(course => course.Id == courseId);

    public DemoUser? FindUser(string? userKey) => Users.FirstOrDefault(user => user.Key == userKey);

    public bool IsKnownLocale(string? code) => Locales.Any(locale => locale.Code == code);

    private static Dictionary<string, string> Custom(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}
