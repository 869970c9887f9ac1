using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.Format;

public sealed class QuestionModelTests
{
    private static Module Intro(TempPacks packs) => ExamplePack.Load(packs).Modules[0].English;

    [Fact]
    public void Single_choice_has_points_options_feedback_and_rationale()
    {
        using var packs = new TempPacks();
        var q = Assert.IsType<ChoiceQuestion>(Intro(packs).FindQuestion("ex-q-single"));

        Assert.False(q.AllowsMultiple);
        Assert.False(q.PartialCredit);
        Assert.Equal(2m, q.Points);
        Assert.True(q.IsScored);
        Assert.Equal("<p>Which is <strong>best</strong>?</p>", q.PromptHtml);
        Assert.Equal("<p>Because pre-work is short.</p>", q.RationaleHtml);
        Assert.Equal(["a", "b"], q.Options.Select(o => o.Id));
        Assert.Equal([true, false], q.Options.Select(o => o.IsCorrect));
        // Option text is inline: no paragraph around it.
        Assert.Equal("The <em>first</em> option", q.Options[0].TextHtml);
        Assert.Contains("Right, because", q.Options[0].FeedbackHtml);
        Assert.Contains("href=\"#ref-hew2018\"", q.Options[0].FeedbackHtml);
        Assert.Equal("<p>Not quite.</p>", q.Options[1].FeedbackHtml);
        Assert.Same(q.Options[1], q.FindOption("b"));
        Assert.Null(q.FindOption("z"));
    }

    [Fact]
    public void Multiple_choice_has_partial_credit_and_several_correct_options()
    {
        using var packs = new TempPacks();
        var q = Assert.IsType<ChoiceQuestion>(Intro(packs).FindQuestion("ex-q-multiple"));

        Assert.True(q.AllowsMultiple);
        Assert.True(q.PartialCredit);
        Assert.Equal(3m, q.Points);
        Assert.Equal([true, true, false], q.Options.Select(o => o.IsCorrect));
        Assert.All(q.Options, o => Assert.Null(o.FeedbackHtml));
        Assert.Null(q.RationaleHtml);
    }

    [Fact]
    public void Reflection_has_grading_and_length_limits()
    {
        using var packs = new TempPacks();
        var module = ExamplePack.Load(packs);
        var q = Assert.IsType<ReflectionQuestion>(module.Modules[0].English.FindQuestion("ex-q-reflect"));

        Assert.Equal(ReflectionGrading.Instructor, q.Grading);
        Assert.Equal(5m, q.Points);
        Assert.Equal(50, q.MinLength);
        Assert.Equal(2000, q.MaxLength);
        Assert.Equal("<p>Describe your own session.</p>", q.PromptHtml);
        Assert.Equal("<p>Good reflections name a specific session.</p>", q.RationaleHtml);

        var defaults = Assert.IsType<ReflectionQuestion>(module.Modules[1].English.FindQuestion("ex-q-pre"));
        Assert.Equal(ReflectionGrading.Completion, defaults.Grading);
        Assert.Equal(1, defaults.MinLength);
        Assert.Equal(4000, defaults.MaxLength);
    }

    [Fact]
    public void Rating_has_a_scale_and_is_never_scored()
    {
        using var packs = new TempPacks();
        var q = Assert.IsType<RatingQuestion>(Intro(packs).FindQuestion("ex-q-rating"));

        Assert.Equal(["Not at all", "Somewhat", "Very"], q.Scale);
        Assert.Equal(0m, q.Points);
        Assert.False(q.IsScored);
        Assert.Null(q.RationaleHtml);
    }
}
