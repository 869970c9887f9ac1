namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The demo LMS's courses, built-in resource links, users, course roster and launch languages. Read-only: links made by
/// deep linking live in <see cref="CourseLinks"/>.
/// </summary>
public sealed class DemoDirectory(IDevPlatformWatchedPacks? watched = null)
{
    /// <summary>The user Canvas' Student View launches as; the gradebook refuses its scores (canvas-lms #1659).</summary>
    public const string TestStudentKey = "test-student";

    /// <summary>
    /// One link per built-in module (custom parameter module=…, as deep linking will write it), and one link
    /// that names no module, so an instructor's first launch shows the chooser.
    /// </summary>
    public IReadOnlyList<DemoCourse> Courses { get; } =
    [
        new("med-501", "MED-501", "Leading Curriculum Change",
        [
            new("link-cc-1", "Why curricula change: the case for overhaul", Module("co-case-for-change")),
            new("link-cc-2", "Governance, stakeholders and communication", Module("co-governance-stakeholders")),
            new("link-cc-3", "Developing faculty through the change", Module("co-faculty-development")),
            new("link-cc-4", "Evaluating and improving the new curriculum", Module("co-evaluation-improvement")),
            new("link-cc-setup", "New activity (no module chosen yet)", Custom()),
        ]),
        new("med-520", "MED-520", "Teaching with the Flipped Classroom",
        [
            new("link-fc-1", "Designing pre-work students actually do", Module("fc-designing-prework")),
            new("link-fc-2", "Leading the in-class session", Module("fc-leading-the-session")),
            new("link-fc-3", "Assessing and closing the loop", Module("fc-closing-the-loop")),
        ]),
        new("med-530", "MED-530", "Communities of Practice for Educators",
        [
            new("link-cop-1", "What is a community of practice?", Module("cop-what-is")),
            new("link-cop-2", "Establish, grow, sustain", Module("cop-establish-grow-sustain")),
        ]),
        new("med-210", "MED-210", "Hematology/Oncology Clinical Pre-work",
        [
            new("link-ho-1", "Pre-work: anemia workup", Module("cp-anemia-approach")),
            new("link-ho-2", "Pre-work: tumor lysis syndrome and hypercalcemia", Module("cp-tls-hypercalcemia")),
            new("link-ho-3", "Pre-work: febrile neutropenia", Module("cp-febrile-neutropenia")),
        ]),
    ];

    public IReadOnlyList<DemoUser> Users { get; } =
    [
        new("learner-ana", "Ana Ramos (learner)", "Learner who shares name and email.", "dev-user-1001", [LtiRoles.Learner, LtiRoles.InstitutionStudent],
            Name: "Ana Ramos", GivenName: "Ana", FamilyName: "Ramos", Email: "ana.ramos@example.edu", SourcedId: "SIS-1001"),
        new("learner-private", "Learner without personal data", "Learner whose platform shares only an id: no name, no email.", "dev-user-1002", [LtiRoles.Learner]),
        new("instructor-lee", "Dr. Jordan Lee (instructor)", "Instructor of the course.", "dev-user-2001", [LtiRoles.Instructor, LtiRoles.InstitutionFaculty],
            Name: "Jordan Lee", GivenName: "Jordan", FamilyName: "Lee", Email: "jordan.lee@example.edu", SourcedId: "SIS-2001"),
        new("ta-kim", "Sam Kim (teaching assistant)", "Teaching assistant (an Instructor sub-role only).", "dev-user-3001", [LtiRoles.TeachingAssistant],
            Name: "Sam Kim", GivenName: "Sam", FamilyName: "Kim", Email: "sam.kim@example.edu", SourcedId: "SIS-3001"),
        new("admin", "Site administrator", "Administrator of the institution and the LMS.", "dev-user-9001", [LtiRoles.InstitutionAdministrator, LtiRoles.SystemAdministrator],
            Name: "Site Administrator", GivenName: "Site", FamilyName: "Administrator", Email: "lms-admin@example.edu"),
        new("anonymous", "Anonymous learner", "Anonymous launch: no sub and no personal data, roles only.", null, [LtiRoles.Learner]),
        new(TestStudentKey, "Test Student (Student View)", "Canvas' Student View user: launches as a learner but cannot be graded.", "dev-user-test-student",
            [LtiRoles.Learner], Name: "Test Student", GivenName: "Test", FamilyName: "Student"),
    ];

    /// <summary>
    /// The students of every demo course's roster beyond the demo users: enough that a membership list spans more than
    /// one page. Most never launch; <c>student-17</c> is the one Inactive enrolment.
    /// </summary>
    public IReadOnlyList<DemoUser> Students { get; } = RosterStudents();

    /// <summary>The demo users, then the roster students: everyone the home page can launch as.</summary>
    public IEnumerable<DemoUser> Everyone => Users.Concat(Students);

    /// <summary>Languages a launch can ask for in launch_presentation.locale; the first is the default.</summary>
    public IReadOnlyList<DemoLocale> Locales { get; } = [new("en", "English"), new("es", "Español"), new("zh-CN", "中文（简体）")];

    /// <summary>The course of the watched packs' modules, when the host watches a pack folder; not one of <see cref="Courses"/>.</summary>
    public DemoCourse? WatchedCourse => Watched is { } current ? WatchedPacksCourse.From(current) : null;

    /// <summary>What the host's watched pack folder serves now, with its problems; null when it watches none.</summary>
    public WatchedPacks? Watched => watched?.Current;

    public DemoCourse? FindCourse(string? courseId) =>
        Courses.FirstOrDefault(course => course.Id == courseId) ?? (courseId == WatchedPacksCourse.Id ? WatchedCourse : null);

    public DemoUser? FindUser(string? userKey) => Everyone.FirstOrDefault(user => user.Key == userKey);

    /// <summary>
    /// Whether the gradebook takes scores for this <c>sub</c>: every id except demo users without the Learner role
    /// and the test student. Unknown ids are gradable, so load tests can invent learners.
    /// </summary>
    public bool IsGradable(string userId)
    {
        var user = Users.FirstOrDefault(candidate => candidate.Subject == userId);
        return user is null || (user.Key != TestStudentKey && user.Roles.Contains(LtiRoles.Learner));
    }

    public bool IsKnownLocale(string? code) => Locales.Any(locale => locale.Code == code);

    private static List<DemoUser> RosterStudents()
    {
        (string Given, string Family, string Email)[] names =
        [
            ("Amara", "Okafor", "amara.okafor"), ("Liam", "O'Connor", "liam.oconnor"), ("Sofía", "Hernández", "sofia.hernandez"),
            ("Wei", "Zhang", "wei.zhang"), ("Priya", "Natarajan", "priya.natarajan"), ("Mateus", "Costa", "mateus.costa"),
            ("Aisha", "Rahman", "aisha.rahman"), ("Jonas", "Müller", "jonas.mueller"), ("Yuki", "Tanaka", "yuki.tanaka"),
            ("Fatima", "Al-Sayed", "fatima.alsayed"), ("Noah", "Williams", "noah.williams"), ("Zanele", "Dlamini", "zanele.dlamini"),
            ("Mikhail", "Petrov", "mikhail.petrov"), ("Chloé", "Dubois", "chloe.dubois"), ("Diego", "Ramírez", "diego.ramirez"),
            ("Hana", "Kim", "hana.kim"), ("Oluwaseun", "Adeyemi", "oluwaseun.adeyemi"), ("Emma", "Johansson", "emma.johansson"),
            ("Arjun", "Mehta", "arjun.mehta"), ("Leila", "Haddad", "leila.haddad"), ("Tomás", "Silva", "tomas.silva"),
            ("Grace", "Mwangi", "grace.mwangi"), ("Ethan", "Nguyen", "ethan.nguyen"), ("Ingrid", "Larsen", "ingrid.larsen"),
            ("Kwame", "Mensah", "kwame.mensah"), ("Valentina", "Rossi", "valentina.rossi"), ("Samir", "Khoury", "samir.khoury"),
            ("Mei Lin", "Chen", "meilin.chen"), ("Patrick", "Byrne", "patrick.byrne"), ("Ayesha", "Siddiqui", "ayesha.siddiqui"),
            ("Lucas", "Fernández", "lucas.fernandez"), ("Nadia", "Kowalski", "nadia.kowalski"),
        ];
        return [.. names.Select((name, index) =>
        {
            var number = (index + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var inactive = number == InactiveStudentNumber;
            var fullName = $"{name.Given} {name.Family}";
            return new DemoUser($"student-{number}", fullName + (inactive ? " (student, inactive)" : " (student)"),
                inactive ? "Student whose enrolment is inactive." : "Student of the course roster.", $"dev-student-{number}",
                [LtiRoles.Learner, LtiRoles.InstitutionStudent], fullName, name.Given, name.Family, $"{name.Email}@example.edu",
                $"SIS-5{number}", inactive);
        })];
    }

    private const string InactiveStudentNumber = "17";

    private static Dictionary<string, string> Module(string moduleId) => Custom(("module", moduleId));

    private static Dictionary<string, string> Custom(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}
