using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Scoring;

namespace LtiCurriculum.Curriculum.Tests.Scoring;

public sealed class ModuleTotalTests
{
    private static readonly Module Mixed = Questions.Module(
        Questions.Single("s", points: 1m),
        Questions.Choice("m", 3m, options: 4, correct: 3, multiple: true, partial: true),
        Questions.Reflection("r", points: 2m, min: 5),
        Questions.Reflection("i", points: 4m, grading: ReflectionGrading.Instructor),
        Questions.Rating("rate"));

    [Fact]
    public void Maximum_adds_every_scored_question_and_ratings_add_nothing()
    {
        Assert.Equal(10m, Mixed.MaximumPoints);
        Assert.True(Mixed.HasInstructorGradedQuestions);
    }

    [Fact]
    public void Totals_add_each_questions_points_and_list_results_in_order()
    {
        var answers = new Dictionary<string, string> { ["s"] = "a", ["m"] = "a,b", ["r"] = "long enough", ["i"] = "essay", ["rate"] = "3" };

        var score = ModuleScorer.Score(Mixed, answers, new Dictionary<string, decimal> { ["i"] = 2.5m });

        Assert.Equal(1m + 2m + 2m + 2.5m, score.Given);
        Assert.Equal(10m, score.Maximum);
        Assert.False(score.AwaitingInstructor);
        Assert.Equal(0, score.UnansweredCount);
        Assert.Equal(
            [QuestionOutcome.Correct, QuestionOutcome.PartlyCorrect, QuestionOutcome.Complete, QuestionOutcome.GradedByInstructor, QuestionOutcome.Recorded],
            score.Questions.Select(q => q.Outcome));
        Assert.Equal(["s", "m", "r", "i", "rate"], score.Questions.Select(q => q.QuestionId));
    }

    [Fact]
    public void An_ungraded_instructor_reflection_marks_the_module_as_awaiting()
    {
        var answers = new Dictionary<string, string> { ["s"] = "b", ["i"] = "essay" };

        var score = ModuleScorer.Score(Mixed, answers);

        Assert.Equal(0m, score.Given);
        Assert.True(score.AwaitingInstructor);
        Assert.Equal(3, score.UnansweredCount);
    }

    [Fact]
    public void No_answers_score_zero_with_every_question_unanswered()
    {
        var score = ModuleScorer.Score(Mixed, new Dictionary<string, string>());

        Assert.Equal(0m, score.Given);
        Assert.Equal(5, score.UnansweredCount);
        Assert.False(score.AwaitingInstructor);
    }

    [Fact]
    public void Answers_for_questions_not_in_the_module_are_ignored()
    {
        var score = ModuleScorer.Score(Mixed, new Dictionary<string, string> { ["elsewhere"] = "a", ["s"] = "a" });

        Assert.Equal(1m, score.Given);
        Assert.Equal(5, score.Questions.Count);
    }
}
