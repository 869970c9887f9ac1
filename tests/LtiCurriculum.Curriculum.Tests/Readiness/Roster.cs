using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Readiness;

namespace LtiCurriculum.Curriculum.Tests.Readiness;

/// <summary>Hand-made rosters: times are minutes after <see cref="T0"/>, answers are (question id, stored answer) pairs.</summary>
internal static class Roster
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    public static LearnerAttempt Open(int number, double started, double updated, params (string Question, string Answer)[] answers) =>
        new(number, false, At(started), At(updated), null, null, null, Answers(answers));

    public static LearnerAttempt Done(int number, double started, double submitted, decimal score, params (string Question, string Answer)[] answers) =>
        new(number, true, At(started), At(submitted), At(submitted), score, 10m, Answers(answers));

    public static RosterLearner Learner(string key, params LearnerAttempt[] attempts) => new(key, "Learner " + key, true, attempts);

    public static RosterLearner Inactive(string key, params LearnerAttempt[] attempts) => new(key, "Learner " + key, false, attempts);

    public static ReadinessReport Compute(Module module, params RosterLearner[] learners) =>
        ReadinessStatistics.Compute(new ReadinessInput(module, learners, DueAt: At(60), SessionAt: At(24 * 60), Now: At(120)));

    public static LearnerRow Row(this ReadinessReport report, string key) => report.Rows.Single(r => r.Key == key);

    public static T Stats<T>(this ReadinessReport report, string questionId) where T : QuestionStatistics =>
        Assert.IsType<T>(report.Questions.Single(q => q.Question.Id == questionId));

    private static Dictionary<string, string> Answers((string Question, string Answer)[] answers) =>
        answers.ToDictionary(a => a.Question, a => a.Answer, StringComparer.Ordinal);
}
