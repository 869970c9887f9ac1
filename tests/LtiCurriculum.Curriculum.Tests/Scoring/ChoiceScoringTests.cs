using LtiCurriculum.Curriculum.Scoring;

namespace LtiCurriculum.Curriculum.Tests.Scoring;

public sealed class ChoiceScoringTests
{
    [Fact]
    public void Single_choice_right_answer_scores_full_points()
    {
        var result = ModuleScorer.Evaluate(Questions.Single(points: 2m), "a");

        Assert.Equal(new QuestionResult("single", QuestionOutcome.Correct, 2m, 2m), result);
    }

    [Fact]
    public void Single_choice_wrong_answer_scores_nothing()
    {
        var result = ModuleScorer.Evaluate(Questions.Single(points: 2m), "b");

        Assert.Equal(new QuestionResult("single", QuestionOutcome.Incorrect, 0m, 2m), result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Single_choice_unanswered_scores_nothing(string? answer)
    {
        var result = ModuleScorer.Evaluate(Questions.Single(points: 2m), answer);

        Assert.Equal(new QuestionResult("single", QuestionOutcome.Unanswered, 0m, 2m), result);
    }

    [Fact]
    public void Single_choice_with_an_unknown_stored_option_is_wrong()
    {
        Assert.Equal(QuestionOutcome.Incorrect, ModuleScorer.Evaluate(Questions.Single(), "zz").Outcome);
    }

    // 4 options, a b c correct, d wrong.
    [Theory]
    [InlineData("a,b,c", QuestionOutcome.Correct, 3)]
    [InlineData("a,b", QuestionOutcome.Incorrect, 0)]
    [InlineData("a,b,c,d", QuestionOutcome.Incorrect, 0)]
    [InlineData("d", QuestionOutcome.Incorrect, 0)]
    public void Multiple_choice_without_partial_credit_is_all_or_nothing(string answer, QuestionOutcome outcome, int points)
    {
        var question = Questions.Choice("m", 3m, options: 4, correct: 3, multiple: true);

        var result = ModuleScorer.Evaluate(question, answer);

        Assert.Equal(new QuestionResult("m", outcome, points, 3m), result);
    }

    // points × max(0, (right − wrong) / correct), 4 options of which a, b, c are correct, 3 points.
    [Theory]
    [InlineData("a,b,c", QuestionOutcome.Correct, "3")]
    [InlineData("a,b", QuestionOutcome.PartlyCorrect, "2.00")]
    [InlineData("a,b,d", QuestionOutcome.PartlyCorrect, "1.00")]
    [InlineData("a,c,d", QuestionOutcome.PartlyCorrect, "1.00")]
    [InlineData("a,b,c,d", QuestionOutcome.PartlyCorrect, "2.00")]
    [InlineData("a", QuestionOutcome.PartlyCorrect, "1.00")]
    [InlineData("a,d", QuestionOutcome.Incorrect, "0")]
    [InlineData("d", QuestionOutcome.Incorrect, "0")]
    public void Multiple_choice_with_partial_credit_scores_right_minus_wrong(string answer, QuestionOutcome outcome, string points)
    {
        var question = Questions.Choice("m", 3m, options: 4, correct: 3, multiple: true, partial: true);

        var result = ModuleScorer.Evaluate(question, answer);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), result.PointsGiven);
        Assert.Equal(3m, result.PointsPossible);
    }

    [Fact]
    public void Partial_credit_never_goes_below_zero()
    {
        // 1 right and 2 wrong out of 3 correct: max(0, −1/3) = 0. Needs 5 options: a b c correct, d e wrong.
        var question = Questions.Choice("m", 3m, options: 5, correct: 3, multiple: true, partial: true);

        var result = ModuleScorer.Evaluate(question, "a,d,e");

        Assert.Equal(new QuestionResult("m", QuestionOutcome.Incorrect, 0m, 3m), result);
    }

    [Theory]
    [InlineData(1, "a", "0.33")]
    [InlineData(1, "a,b", "0.67")]
    [InlineData(2, "a", "0.67")]
    [InlineData(5, "a", "1.67")]
    [InlineData(0.5, "a", "0.17")]
    public void Partial_credit_is_rounded_to_two_decimals(decimal points, string answer, string expected)
    {
        var question = Questions.Choice("m", points, options: 4, correct: 3, multiple: true, partial: true);

        var result = ModuleScorer.Evaluate(question, answer);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.PointsGiven);
        Assert.Equal(QuestionOutcome.PartlyCorrect, result.Outcome);
    }

    [Fact]
    public void Partial_credit_half_a_hundredth_rounds_away_from_zero()
    {
        // 1.25 points × 1/2 = 0.625 → 0.63 (away from zero, not banker's 0.62).
        var question = Questions.Choice("m", 1.25m, options: 3, correct: 2, multiple: true, partial: true);

        Assert.Equal(0.63m, ModuleScorer.Evaluate(question, "a").PointsGiven);
    }
}
