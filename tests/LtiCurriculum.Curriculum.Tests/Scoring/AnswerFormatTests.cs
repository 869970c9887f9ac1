using LtiCurriculum.Curriculum.Scoring;

namespace LtiCurriculum.Curriculum.Tests.Scoring;

public sealed class AnswerFormatTests
{
    private static readonly Model.ChoiceQuestion Multiple = Questions.Choice("m", 3m, options: 4, correct: 3, multiple: true);

    [Fact]
    public void Chosen_options_are_stored_in_option_order_without_duplicates()
    {
        var answer = AnswerFormat.Normalize(Multiple, ["c", " a ", "c", "d"]);

        Assert.Equal(new NormalizedAnswer("a,c,d", null), answer);
        Assert.True(answer.IsValid);
        Assert.Equal(["a", "c", "d"], AnswerFormat.ChosenOptions(answer.Value).Order());
    }

    [Fact]
    public void An_unknown_option_is_an_error()
    {
        var answer = AnswerFormat.Normalize(Multiple, ["a", "zz"]);

        Assert.False(answer.IsValid);
        Assert.Null(answer.Value);
        Assert.Contains("'zz' is not one of this question's options", answer.Error);
    }

    [Fact]
    public void A_comma_joined_value_is_not_split_into_options()
    {
        Assert.False(AnswerFormat.Normalize(Multiple, ["a,b"]).IsValid);
    }

    [Fact]
    public void Two_choices_for_a_single_choice_question_are_an_error()
    {
        var answer = AnswerFormat.Normalize(Questions.Single(), ["a", "b"]);

        Assert.Equal(new NormalizedAnswer(null, "Choose one option only."), answer);
    }

    [Fact]
    public void One_choice_for_a_single_choice_question_is_stored()
    {
        Assert.Equal(new NormalizedAnswer("b", null), AnswerFormat.Normalize(Questions.Single(), ["b"]));
    }

    [Fact]
    public void A_reflection_is_trimmed_and_its_line_endings_normalized()
    {
        var answer = AnswerFormat.Normalize(Questions.Reflection(max: 100), ["  first line\r\nsecond line  "]);

        Assert.Equal(new NormalizedAnswer("first line\nsecond line", null), answer);
    }

    [Fact]
    public void A_reflection_over_its_maximum_length_is_an_error()
    {
        var answer = AnswerFormat.Normalize(Questions.Reflection(max: 20), [new string('x', 21)]);

        Assert.False(answer.IsValid);
        Assert.Contains("21 characters long; at most 20", answer.Error);
    }

    [Fact]
    public void A_reflection_exactly_at_its_maximum_is_stored()
    {
        Assert.True(AnswerFormat.Normalize(Questions.Reflection(max: 20), [new string('x', 20)]).IsValid);
    }

    [Fact]
    public void A_reflection_below_its_minimum_is_stored_and_scored_later()
    {
        Assert.Equal(new NormalizedAnswer("short", null), AnswerFormat.Normalize(Questions.Reflection(min: 10), ["short"]));
    }

    [Fact]
    public void Two_texts_for_a_reflection_are_an_error()
    {
        Assert.False(AnswerFormat.Normalize(Questions.Reflection(), ["one", "two"]).IsValid);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData(" 4 ", "4")]
    [InlineData("02", "2")]
    public void A_rating_on_the_scale_is_stored_as_its_position(string value, string stored)
    {
        Assert.Equal(new NormalizedAnswer(stored, null), AnswerFormat.Normalize(Questions.Rating(), [value]));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("+2")]
    [InlineData("two")]
    [InlineData("2.5")]
    [InlineData("99999999999999999999")]
    public void A_rating_off_the_scale_is_an_error(string value)
    {
        var answer = AnswerFormat.Normalize(Questions.Rating(), [value]);

        Assert.Equal(new NormalizedAnswer(null, "Choose one point on the scale from 1 to 4."), answer);
    }

    [Fact]
    public void Two_ratings_are_an_error()
    {
        Assert.False(AnswerFormat.Normalize(Questions.Rating(), ["1", "2"]).IsValid);
    }

    public static TheoryData<string?[]> Empties => new([], [""], ["   "], [null], [null, " "]);

    [Theory]
    [MemberData(nameof(Empties))]
    public void An_empty_submission_clears_the_answer_for_every_question_type(string?[] values)
    {
        var cleared = new NormalizedAnswer(null, null);

        Assert.Equal(cleared, AnswerFormat.Normalize(Multiple, values));
        Assert.Equal(cleared, AnswerFormat.Normalize(Questions.Single(), values));
        Assert.Equal(cleared, AnswerFormat.Normalize(Questions.Rating(), values));
        if (values.Length <= 1)
        {
            Assert.Equal(cleared, AnswerFormat.Normalize(Questions.Reflection(), values));
        }
    }

    [Fact]
    public void A_normalized_answer_scores_as_expected()
    {
        var stored = AnswerFormat.Normalize(Multiple, ["c", "b", "a"]).Value;

        Assert.Equal(QuestionOutcome.Correct, ModuleScorer.Evaluate(Multiple, stored).Outcome);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("3", 3)]
    [InlineData("x", null)]
    public void RatingPosition_reads_a_stored_rating(string? stored, int? expected)
    {
        Assert.Equal(expected, AnswerFormat.RatingPosition(stored));
    }
}
