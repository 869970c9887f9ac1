using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Scoring;

namespace LtiCurriculum.Curriculum.Tests.Scoring;

public sealed class ReflectionAndRatingScoringTests
{
    [Theory]
    [InlineData("0123456789")]
    [InlineData("a reflection that is comfortably long enough")]
    [InlineData("   0123456789   ")]
    public void Completion_reflection_within_limits_earns_full_points(string answer)
    {
        var result = ModuleScorer.Evaluate(Questions.Reflection(points: 2m, min: 10, max: 100), answer);

        Assert.Equal(new QuestionResult("reflect", QuestionOutcome.Complete, 2m, 2m), result);
    }

    [Theory]
    [InlineData("too short")]
    [InlineData("   short     ")]
    public void Completion_reflection_below_its_minimum_earns_nothing(string answer)
    {
        var result = ModuleScorer.Evaluate(Questions.Reflection(points: 2m, min: 10, max: 100), answer);

        Assert.Equal(new QuestionResult("reflect", QuestionOutcome.TooShort, 0m, 2m), result);
    }

    [Fact]
    public void Instructor_reflection_waits_until_graded()
    {
        var question = Questions.Reflection(points: 4m, grading: ReflectionGrading.Instructor);

        var result = ModuleScorer.Evaluate(question, "My thoughtful answer.");

        Assert.Equal(new QuestionResult("reflect", QuestionOutcome.AwaitingInstructor, 0m, 4m), result);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(0, 0)]
    [InlineData(4, 4)]
    [InlineData(9, 4)]
    [InlineData(-2, 0)]
    public void Instructor_grade_is_used_and_clamped_to_the_questions_points(decimal given, decimal expected)
    {
        var question = Questions.Reflection(points: 4m, grading: ReflectionGrading.Instructor);

        var result = ModuleScorer.Evaluate(question, "My thoughtful answer.", given);

        Assert.Equal(new QuestionResult("reflect", QuestionOutcome.GradedByInstructor, expected, 4m), result);
    }

    [Fact]
    public void An_instructor_grade_for_a_completion_reflection_is_ignored()
    {
        var result = ModuleScorer.Evaluate(Questions.Reflection(points: 2m, min: 1), "done", instructorPoints: 0m);

        Assert.Equal(QuestionOutcome.Complete, result.Outcome);
        Assert.Equal(2m, result.PointsGiven);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("4")]
    public void A_rating_is_recorded_and_never_scored(string answer)
    {
        var result = ModuleScorer.Evaluate(Questions.Rating(), answer);

        Assert.Equal(new QuestionResult("rating", QuestionOutcome.Recorded, 0m, 0m), result);
    }

    [Fact]
    public void An_unanswered_rating_counts_for_nothing()
    {
        Assert.Equal(new QuestionResult("rating", QuestionOutcome.Unanswered, 0m, 0m), ModuleScorer.Evaluate(Questions.Rating(), null));
    }
}
