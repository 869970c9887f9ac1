using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Curriculum.Tests.Scoring;
using static LtiCurriculum.Curriculum.Tests.Readiness.Roster;

namespace LtiCurriculum.Curriculum.Tests.Readiness;

// Due at minute 60, session at minute 1440, now at minute 120 (see Roster.Compute).
public sealed class ClassReadinessTests
{
    private static readonly LtiCurriculum.Curriculum.Model.Module Module = Questions.Module(Questions.Single("q1"), Questions.Rating("sure"));

    [Fact]
    public void Class_counts_each_state_and_the_ready_share()
    {
        var report = Compute(Module,
            Learner("none"),
            Learner("busy", Open(1, 0, 10)),
            Learner("done1", Done(1, 0, 10, 5m)),
            Learner("done2", Done(1, 0, 20, 5m)),
            Learner("late", Done(1, 0, 90, 5m)));

        Assert.Equal(new ClassReadiness(Learners: 5, NotStarted: 1, InProgress: 1, Submitted: 2, Late: 1), report.Class);
        Assert.Equal(3, report.Class.Ready);
        Assert.Equal(0.6, report.Class.ReadyShare);
        Assert.Equal(2, report.Class.Count(ReadinessState.Submitted));
    }

    [Fact]
    public void Inactive_learners_are_listed_but_left_out_of_class_numbers_and_question_statistics()
    {
        var report = Compute(Module,
            Learner("on", Done(1, 0, 10, 1m, ("q1", "a"), ("sure", "4"))),
            Inactive("off", Done(1, 0, 10, 0m, ("q1", "b"), ("sure", "1"))),
            Inactive("off2"));

        Assert.Equal(3, report.Rows.Count);
        Assert.Equal(ReadinessState.Submitted, report.Row("off").State);
        Assert.False(report.Row("off").Active);
        Assert.Equal(new ClassReadiness(1, 0, 0, 1, 0), report.Class);
        Assert.Equal(1.0, report.Class.ReadyShare);
        var q1 = report.Stats<ChoiceStatistics>("q1");
        Assert.Equal((1, 1), (q1.Answered, q1.Correct));
        Assert.Null(q1.MostChosenWrong);
        Assert.Equal(4.0, report.Stats<RatingStatistics>("sure").Mean);
    }

    [Fact]
    public void Class_without_active_learners_has_no_ready_share()
    {
        var report = Compute(Module, Inactive("off", Done(1, 0, 10, 0m)));

        Assert.Equal(0, report.Class.Learners);
        Assert.Null(report.Class.ReadyShare);
    }

    [Fact]
    public void Countdown_runs_until_a_future_session()
    {
        Assert.Equal(TimeSpan.FromMinutes(1440 - 120), Compute(Module).UntilSession);
    }

    [Theory]
    [InlineData(120)]
    [InlineData(100)]
    public void Countdown_stops_once_the_session_starts(double sessionAt)
    {
        var report = ReadinessStatistics.Compute(new ReadinessInput(Module, [], DueAt: null, SessionAt: At(sessionAt), Now: At(120)));

        Assert.Null(report.UntilSession);
    }

    [Fact]
    public void No_session_date_means_no_countdown()
    {
        Assert.Null(ReadinessStatistics.Compute(new ReadinessInput(Module, [], null, null, At(0))).UntilSession);
    }

    [Fact]
    public void Rows_are_sorted_by_name_ignoring_case_then_by_key()
    {
        var report = ReadinessStatistics.Compute(new ReadinessInput(Module,
            [
                new RosterLearner("3", "bravo", true, []),
                new RosterLearner("2", "Alpha", true, []),
                new RosterLearner("9", "alpha", true, []),
                new RosterLearner("1", "Charlie", false, []),
                new RosterLearner("0", "alpha", true, []),
            ],
            null, null, At(0)));

        Assert.Equal(["0", "2", "9", "3", "1"], report.Rows.Select(r => r.Key));
    }

    [Fact]
    public void Question_statistics_follow_the_modules_reading_order()
    {
        Assert.Equal(["q1", "sure"], Compute(Module).Questions.Select(q => q.Question.Id));
    }
}
