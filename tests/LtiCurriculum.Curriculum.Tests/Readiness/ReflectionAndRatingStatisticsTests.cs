using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Curriculum.Readiness;
using LtiCurriculum.Curriculum.Tests.Scoring;
using static LtiCurriculum.Curriculum.Tests.Readiness.Roster;

namespace LtiCurriculum.Curriculum.Tests.Readiness;

public sealed class ReflectionAndRatingStatisticsTests
{
    // Rating scale: low, mid, high, very high.
    private static readonly Module Module = Questions.Module(Questions.Reflection("muddiest"), Questions.Rating("sure"));

    [Fact]
    public void Every_non_blank_reflection_is_listed_with_its_learner_in_row_order()
    {
        var report = ReadinessStatistics.Compute(new ReadinessInput(Module,
            [
                new RosterLearner("k2", "Zoë", true, [Done(1, 0, 10, 1m, ("muddiest", "Tumour lysis potassium"))]),
                new RosterLearner("k1", "adela", true, [Open(1, 0, 10, ("muddiest", "¿Por qué el calcio?"))]),
                new RosterLearner("k3", "Bo", true, [Done(1, 0, 10, 1m, ("muddiest", "   "))]),
                new RosterLearner("k4", "Cy", true, []),
            ],
            null, null, At(0)));

        var reflections = report.Stats<ReflectionStatistics>("muddiest");
        Assert.Equal(
            [new ReflectionEntry("k1", "adela", "¿Por qué el calcio?"), new ReflectionEntry("k2", "Zoë", "Tumour lysis potassium")],
            reflections.Entries);
        Assert.Equal(2, reflections.Answered);
    }

    [Fact]
    public void Ratings_are_counted_per_scale_position_with_their_mean()
    {
        var report = Compute(Module,
            Learner("1", Done(1, 0, 10, 0m, ("sure", "1"))),
            Learner("2", Done(1, 0, 10, 0m, ("sure", "3"))),
            Learner("3", Done(1, 0, 10, 0m, ("sure", "3"))),
            Learner("4", Open(1, 0, 10, ("sure", "4"))),
            Learner("5", Done(1, 0, 10, 0m)));

        var rating = report.Stats<RatingStatistics>("sure");
        Assert.Equal([1, 0, 2, 1], rating.Counts);
        Assert.Equal(4, rating.Answered);
        Assert.Equal(2.75, rating.Mean);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("high")]
    public void A_rating_off_the_scale_is_not_an_answer(string stored)
    {
        var rating = Compute(Module, Learner("1", Done(1, 0, 10, 0m, ("sure", stored)))).Stats<RatingStatistics>("sure");

        Assert.Equal(0, rating.Answered);
        Assert.Equal([0, 0, 0, 0], rating.Counts);
        Assert.Null(rating.Mean);
    }
}
