using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Curriculum.Tests.Scoring;
using static LtiCurriculum.Curriculum.Tests.Readiness.Roster;

namespace LtiCurriculum.Curriculum.Tests.Readiness;

public sealed class ScoreAndTimeTests
{
    private static readonly LtiCurriculum.Curriculum.Model.Module Module = Questions.Module(Questions.Single("q1"));

    [Fact]
    public void Score_is_the_latest_submitted_attempts_not_the_best()
    {
        var row = Compute(Module, Learner("s", Done(1, 0, 10, 9m), Done(2, 20, 30, 4m))).Row("s");

        Assert.Equal(4m, row.ScoreGiven);
        Assert.Equal(10m, row.ScoreMaximum);
        Assert.Equal(At(30), row.SubmittedAt);
    }

    [Fact]
    public void An_open_attempt_after_a_submission_keeps_the_submitted_score()
    {
        var row = Compute(Module, Learner("s", Done(1, 0, 10, 7m), Open(2, 20, 25))).Row("s");

        Assert.Equal(7m, row.ScoreGiven);
        Assert.Equal(At(10), row.SubmittedAt);
    }

    [Fact]
    public void Learner_in_progress_has_no_score()
    {
        var row = Compute(Module, Learner("s", Open(1, 0, 10))).Row("s");

        Assert.Null(row.ScoreGiven);
        Assert.Null(row.ScoreMaximum);
        Assert.Null(row.SubmittedAt);
    }

    [Fact]
    public void Time_spent_sums_every_attempt_to_its_submission_or_last_save()
    {
        // 12 minutes submitted + 7 minutes open.
        var row = Compute(Module, Learner("s", Done(1, 0, 12, 5m), Open(2, 30, 37))).Row("s");

        Assert.Equal(TimeSpan.FromMinutes(19), row.TimeSpent);
    }

    [Fact]
    public void Time_spent_is_never_negative()
    {
        // A clock skew makes the second attempt end before it started: it counts as nothing, not minus 5.
        var row = Compute(Module, Learner("s", Open(1, 0, 10), Open(2, 30, 25))).Row("s");

        Assert.Equal(TimeSpan.FromMinutes(10), row.TimeSpent);
    }
}
