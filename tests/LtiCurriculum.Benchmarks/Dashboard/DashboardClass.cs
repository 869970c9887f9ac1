using System.Globalization;
using LtiCurriculum.DevPlatform;

namespace LtiCurriculum.Benchmarks.Dashboard;

/// <summary>Where a seeded student stands; the seed writes attempts to match.</summary>
internal enum SeededState { NeverLaunched, NotStarted, InProgress, Submitted, SubmittedThenOpen, Late }

/// <summary>One member of the course as the benchmark platform's membership service lists them.</summary>
internal sealed record ClassMember(string Subject, string Name, string GivenName, string FamilyName, string Email, string Role, bool Inactive, SeededState State);

/// <summary>
/// The course of the dashboard command: <c>students</c> learners plus the instructor and a teaching assistant (staff are
/// listed by NRPS like any member; the tool leaves them out of the class). Deterministic (fixed seed). The mix:
/// 1 in 20 never launched the tool (on the roster only); of the rest about 15 % launched but have no attempt,
/// 25 % have an open attempt, 35 % submitted on time, 10 % submitted and then opened another attempt, and 15 %
/// submitted after the due date. Every 50th student is inactive in the LMS.
/// </summary>
internal sealed class DashboardClass
{
    public const string InstructorSubject = "dash-instructor";

    private static readonly string[] Given =
    [
        "Amara", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Isaac", "Jun", "Kwame", "Lucía", "Mateo", "Nadia",
        "Oskar", "Priya", "Quentin", "Rosa", "Søren", "Tomás", "Uma", "Valentina", "Wei", "Ximena", "Yusuf", "Zoë",
    ];

    private static readonly string[] Family =
    [
        "Abbott", "Bernardi", "Chen", "Diallo", "Eriksen", "Fernández", "García", "Haddad", "Ito", "Jovanović", "Kowalski", "Li",
        "Martínez", "Nguyen", "O'Brien", "Patel", "Quispe", "Rossi", "Schmidt", "Tanaka", "Usman", "van Dijk", "Wang", "Yilmaz", "Zhou",
    ];

    public DashboardClass(int students)
    {
        var random = new Random(20261205);
        var members = new List<ClassMember>(students + 2)
        {
            new(InstructorSubject, "Dana Instructor", "Dana", "Instructor", "dana.instructor@example.edu", LtiRoles.Instructor, false, SeededState.NeverLaunched),
            new("dash-ta", "Theo Assistant", "Theo", "Assistant", "theo.assistant@example.edu", LtiRoles.TeachingAssistant, false, SeededState.NeverLaunched),
        };
        for (var i = 0; i < students; i++)
        {
            var given = Given[random.Next(Given.Length)];
            var family = Family[random.Next(Family.Length)];
            var roll = random.NextDouble();
            var state = i % 20 == 19 ? SeededState.NeverLaunched
                : roll < 0.15 ? SeededState.NotStarted
                : roll < 0.40 ? SeededState.InProgress
                : roll < 0.75 ? SeededState.Submitted
                : roll < 0.85 ? SeededState.SubmittedThenOpen
                : SeededState.Late;
            var number = (i + 1).ToString("D4", CultureInfo.InvariantCulture);
            members.Add(new ClassMember($"dash-student-{number}", $"{given} {family}", given, family, $"student{number}@example.edu",
                LtiRoles.Learner, i % 50 == 49, state));
        }
        Members = members;
    }

    /// <summary>Staff first, then the students in roll order.</summary>
    public IReadOnlyList<ClassMember> Members { get; }

    public IEnumerable<ClassMember> Students => Members.Where(m => m.Role == LtiRoles.Learner);

    public int Count(SeededState state) => Students.Count(s => s.State == state);
}
