using LtiCurriculum.DevPlatform;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>One simulated person: always launches the same link of the same course, as learner or instructor.</summary>
internal sealed record LoadUser(string Subject, string Name, string FamilyName, string Email, string Role, int Course, int Link);

internal static class LoadUsers
{
    public const int Courses = 4;
    public const int LinksPerCourse = 2;

    /// <summary>Built-in modules the 8 load links name in their custom parameter module=.</summary>
    public static readonly string[] Modules =
    [
        "co-case-for-change", "co-governance-stakeholders", "fc-designing-prework", "fc-leading-the-session",
        "cop-what-is", "cop-establish-grow-sustain", "cp-anemia-approach", "cp-tls-hypercalcemia",
    ];

    /// <summary>Distinct subjects spread over 4 courses and 8 links; every tenth one teaches.</summary>
    public static LoadUser[] Create(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i =>
        {
            var course = i % Courses;
            var link = course * LinksPerCourse + (i / Courses) % LinksPerCourse;
            var number = i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            return new LoadUser(
                $"load-user-{number}", $"Load User {number}", $"User {number}", $"load{number}@example.edu",
                i % 10 == 0 ? LtiRoles.Instructor : LtiRoles.Learner, course, link);
        }),
    ];
}
