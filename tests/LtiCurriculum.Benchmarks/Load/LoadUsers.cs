using System.Globalization;
using LtiCurriculum.DevPlatform;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>One simulated person: always launches the same link of the same course, as learner or instructor.</summary>
internal sealed record LoadUser(string Subject, string Name, string FamilyName, string Email, string Role, int Course, int Link);

internal static class LoadUsers
{
    public const int DefaultCourses = 4;
    public const int DefaultLinks = 8;

    /// <summary>Built-in modules the load links name in their custom parameter module= (link n names module n mod 8).</summary>
    public static readonly string[] Modules =
    [
        "co-case-for-change", "co-governance-stakeholders", "fc-designing-prework", "fc-leading-the-session",
        "cop-what-is", "cop-establish-grow-sustain", "cp-anemia-approach", "cp-tls-hypercalcemia",
    ];

    /// <summary>
    /// Distinct subjects spread over the courses (user i takes course i mod courses) and their links (course c owns the
    /// consecutive links n with n × courses / links = c, taken in turn); every tenth one teaches.
    /// </summary>
    public static LoadUser[] Create(int count, int courses = DefaultCourses, int links = DefaultLinks) =>
        [.. Enumerable.Range(0, count).Select(i => User($"load-user-{i.ToString("D5", CultureInfo.InvariantCulture)}", i, LinkOf(i, courses, links), courses, links))];

    /// <summary>
    /// A user the tool has never seen: number <paramref name="number"/> of this run (the run's tag keeps a second run
    /// against the same running tool new), on a random link.
    /// </summary>
    public static LoadUser New(string runTag, long number, Random random, int courses, int links) =>
        User($"new-{runTag}-{number.ToString("D8", CultureInfo.InvariantCulture)}", number, random.Next(links), courses, links);

    private static int LinkOf(int i, int courses, int links)
    {
        var course = i % courses;
        var first = FirstLink(course, courses, links);
        return first + (i / courses) % (FirstLink(course + 1, courses, links) - first);
    }

    private static int FirstLink(int course, int courses, int links) => (int)(((long)course * links + courses - 1) / courses);

    private static LoadUser User(string subject, long number, int link, int courses, int links) => new(
        subject, $"Load User {number}", $"User {number}", $"{subject}@example.edu",
        number % 10 == 0 ? LtiRoles.Instructor : LtiRoles.Learner, (int)((long)link * courses / links), link);
}
