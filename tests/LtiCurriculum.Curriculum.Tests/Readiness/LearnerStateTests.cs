using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Curriculum.Tests.Scoring;
using static LtiCurriculum.Curriculum.Tests.Readiness.Roster;

namespace LtiCurriculum.Curriculum.Tests.Readiness;

// Due at minute 60 (see Roster.Compute).
public sealed class LearnerStateTests
{
    private static readonly LtiCurriculum.Curriculum.Model.Module Module = Questions.Module(Questions.Single("q1"));

    [Fact]
    public void Learner_on_the_roster_without_attempts_has_not_started()
    {
        var row = Compute(Module, Learner("never")).Row("never");

        Assert.Equal(ReadinessState.NotStarted, row.State);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(TimeSpan.Zero, row.TimeSpent);
        Assert.Null(row.ScoreGiven);
        Assert.Null(row.SubmittedAt);
        Assert.False(row.IsReady);
    }

    [Fact]
    public void Open_attempt_without_a_submission_is_in_progress()
    {
        var row = Compute(Module, Learner("busy", Open(1, 0, 10))).Row("busy");

        Assert.Equal(ReadinessState.InProgress, row.State);
        Assert.False(row.IsReady);
    }

    [Theory]
    [InlineData(59, ReadinessState.Submitted)]
    [InlineData(60, ReadinessState.Submitted)]
    [InlineData(61, ReadinessState.Late)]
    public void Submission_after_the_due_date_is_late(double submittedAt, ReadinessState expected)
    {
        var row = Compute(Module, Learner("s", Done(1, 0, submittedAt, 5m))).Row("s");

        Assert.Equal(expected, row.State);
        Assert.True(row.IsReady);
    }

    [Fact]
    public void Without_a_due_date_nothing_is_late()
    {
        var input = new ReadinessInput(Module, [Learner("s", Done(1, 0, 5000, 5m))], DueAt: null, SessionAt: null, Now: At(6000));

        Assert.Equal(ReadinessState.Submitted, ReadinessStatistics.Compute(input).Row("s").State);
    }

    [Fact]
    public void Learner_who_submitted_and_started_another_attempt_stays_submitted()
    {
        var row = Compute(Module, Learner("again", Done(1, 0, 30, 6m), Open(2, 70, 80))).Row("again");

        Assert.Equal(ReadinessState.Submitted, row.State);
        Assert.Equal(2, row.Attempts);
    }

    [Fact]
    public void Learner_who_submitted_late_and_started_another_attempt_stays_late()
    {
        var row = Compute(Module, Learner("again", Done(1, 0, 90, 6m), Open(2, 95, 100))).Row("again");

        Assert.Equal(ReadinessState.Late, row.State);
    }

    [Fact]
    public void The_latest_submission_decides_lateness_whatever_order_the_attempts_come_in()
    {
        var row = Compute(Module, Learner("re", Done(2, 70, 80, 9m), Done(1, 0, 30, 4m))).Row("re");

        Assert.Equal(ReadinessState.Late, row.State);
        Assert.Equal(At(80), row.SubmittedAt);
    }

    [Fact]
    public void Submitted_attempt_without_a_submission_time_counts_at_its_last_save()
    {
        var attempt = new LearnerAttempt(1, true, At(0), At(75), null, 3m, 10m, new Dictionary<string, string>());

        var row = Compute(Module, Learner("s", attempt)).Row("s");

        Assert.Equal(ReadinessState.Late, row.State);
        Assert.Equal(At(75), row.SubmittedAt);
    }
}
