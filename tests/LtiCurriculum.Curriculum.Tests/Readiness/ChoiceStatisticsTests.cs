using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Curriculum.Tests.Scoring;
using static LtiCurriculum.Curriculum.Tests.Readiness.Roster;

namespace LtiCurriculum.Curriculum.Tests.Readiness;

// Questions.Single: options a (correct), b, c.
public sealed class ChoiceStatisticsTests
{
    private static readonly LtiCurriculum.Curriculum.Model.Module Module = Questions.Module(Questions.Single("q1"), Questions.Single("q2"));

    [Fact]
    public void Correct_rate_counts_answered_questions_only()
    {
        var report = Compute(Module,
            Learner("1", Done(1, 0, 10, 1m, ("q1", "a"))),
            Learner("2", Done(1, 0, 10, 0m, ("q1", "b"))),
            Learner("3", Done(1, 0, 10, 1m, ("q1", "a"))),
            Learner("4", Done(1, 0, 10, 0m, ("q2", "a"))),
            Learner("5"));

        var q1 = report.Stats<ChoiceStatistics>("q1");
        Assert.Equal(3, q1.Answered);
        Assert.Equal(2, q1.Correct);
        Assert.Equal(2.0 / 3, q1.CorrectRate!.Value, 10);
        Assert.Equal([2, 1, 0], q1.Options.Select(o => o.Count));
        Assert.Equal(["a", "b", "c"], q1.Options.Select(o => o.Option.Id));
    }

    [Fact]
    public void Question_nobody_answered_has_no_correct_rate_and_no_wrong_option()
    {
        var q2 = Compute(Module, Learner("1", Done(1, 0, 10, 1m, ("q1", "a")))).Stats<ChoiceStatistics>("q2");

        Assert.Equal(0, q2.Answered);
        Assert.Null(q2.CorrectRate);
        Assert.Null(q2.MostChosenWrong);
    }

    [Fact]
    public void Most_chosen_wrong_option_is_the_incorrect_option_chosen_most()
    {
        var q1 = Compute(Module,
            Learner("1", Done(1, 0, 10, 0m, ("q1", "b"))),
            Learner("2", Done(1, 0, 10, 0m, ("q1", "c"))),
            Learner("3", Done(1, 0, 10, 0m, ("q1", "c"))),
            Learner("4", Done(1, 0, 10, 1m, ("q1", "a"))),
            Learner("5", Done(1, 0, 10, 1m, ("q1", "a"))),
            Learner("6", Done(1, 0, 10, 1m, ("q1", "a")))).Stats<ChoiceStatistics>("q1");

        Assert.Equal("c", q1.MostChosenWrong!.Option.Id);
        Assert.Equal(2, q1.MostChosenWrong.Count);
    }

    [Fact]
    public void Tied_wrong_options_give_the_first_in_option_order()
    {
        var q1 = Compute(Module,
            Learner("1", Done(1, 0, 10, 0m, ("q1", "c"))),
            Learner("2", Done(1, 0, 10, 0m, ("q1", "b")))).Stats<ChoiceStatistics>("q1");

        Assert.Equal("b", q1.MostChosenWrong!.Option.Id);
        Assert.Equal(1, q1.MostChosenWrong.Count);
    }

    [Fact]
    public void No_wrong_choice_means_no_most_chosen_wrong_option()
    {
        var q1 = Compute(Module,
            Learner("1", Done(1, 0, 10, 1m, ("q1", "a"))),
            Learner("2", Done(1, 0, 10, 1m, ("q1", "a")))).Stats<ChoiceStatistics>("q1");

        Assert.Null(q1.MostChosenWrong);
        Assert.Equal(1.0, q1.CorrectRate);
    }

    [Fact]
    public void Partial_credit_answers_count_as_correct_only_when_fully_correct()
    {
        // Options a, b, c correct, d wrong; "a,b" earns partial credit but is not fully correct.
        var question = Questions.Choice("multi", 3m, options: 4, correct: 3, multiple: true, partial: true);
        var report = Compute(Questions.Module(question),
            Learner("1", Done(1, 0, 10, 3m, ("multi", "a,b,c"))),
            Learner("2", Done(1, 0, 10, 2m, ("multi", "a,b"))),
            Learner("3", Done(1, 0, 10, 2m, ("multi", "a,b,c,d"))),
            Learner("4", Done(1, 0, 10, 1m, ("multi", "a,d"))));

        var stats = report.Stats<ChoiceStatistics>("multi");
        Assert.Equal(4, stats.Answered);
        Assert.Equal(1, stats.Correct);
        Assert.Equal(0.25, stats.CorrectRate);
        Assert.Equal([4, 3, 2, 2], stats.Options.Select(o => o.Count));
        Assert.Equal("d", stats.MostChosenWrong!.Option.Id);
    }

    [Fact]
    public void Answers_come_from_the_latest_submission_not_a_newer_open_attempt()
    {
        var q1 = Compute(Module, Learner("1", Done(1, 0, 10, 1m, ("q1", "a")), Open(2, 20, 30, ("q1", "c")))).Stats<ChoiceStatistics>("q1");

        Assert.Equal(1, q1.Correct);
        Assert.Equal([1, 0, 0], q1.Options.Select(o => o.Count));
    }

    [Fact]
    public void Answers_come_from_the_open_attempt_when_nothing_was_submitted()
    {
        var q1 = Compute(Module, Learner("1", Open(1, 0, 10, ("q1", "b")))).Stats<ChoiceStatistics>("q1");

        Assert.Equal(1, q1.Answered);
        Assert.Equal(0, q1.Correct);
        Assert.Equal("b", q1.MostChosenWrong!.Option.Id);
    }

    [Fact]
    public void An_option_stored_twice_and_an_unknown_id_do_not_distort_the_counts()
    {
        var q1 = Compute(Module, Learner("1", Done(1, 0, 10, 1m, ("q1", "b,b,zz")))).Stats<ChoiceStatistics>("q1");

        Assert.Equal([0, 1, 0], q1.Options.Select(o => o.Count));
        Assert.Equal(1, q1.Answered);
    }

    [Fact]
    public void Empty_answer_and_answers_to_unknown_questions_are_ignored()
    {
        var q1 = Compute(Module, Learner("1", Done(1, 0, 10, 0m, ("q1", ""), ("gone", "a")))).Stats<ChoiceStatistics>("q1");

        Assert.Equal(0, q1.Answered);
    }

    [Fact]
    public void Answers_in_any_kind_of_dictionary_are_read()
    {
        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["q1"] = "a", ["q2"] = "c" };
        var attempt = new LearnerAttempt(1, true, At(0), At(10), At(10), 1m, 2m, answers);

        var report = Compute(Module, Learner("1", attempt));

        Assert.Equal(1, report.Stats<ChoiceStatistics>("q1").Correct);
        Assert.Equal("c", report.Stats<ChoiceStatistics>("q2").MostChosenWrong!.Option.Id);
    }
}
