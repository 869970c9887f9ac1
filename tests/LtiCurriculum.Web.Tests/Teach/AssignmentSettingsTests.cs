using LtiCurriculum.Web.Teach.Settings;

namespace LtiCurriculum.Web.Tests.Teach;

public sealed class AssignmentSettingsTests
{
    [Fact]
    public void Custom_parameters_written_by_deep_linking_read_back_the_same()
    {
        var settings = new AssignmentSettings("cp-anemia-approach", 12.5m, 3, FeedbackTiming.AfterDue,
            new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 8, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 9, 9, 0, 0, TimeSpan.Zero));
        var (read, problems) = AssignmentSettings.FromCustomParameters(settings.ToCustomParameters());
        Assert.Empty(problems);
        Assert.Equal(settings, read);
    }

    [Theory]
    [InlineData("points", "lots", "points=lots")]
    [InlineData("points", "-1", "points=-1")]
    [InlineData("attempts", "0", "attempts=0")]
    [InlineData("attempts", "2.5", "attempts=2.5")]
    [InlineData("feedback", "sometimes", "feedback=sometimes")]
    [InlineData("due_at", "2027-03-08T17:00", "due_at=2027-03-08T17:00")]
    [InlineData("due_at", "next week", "due_at=next week")]
    public void A_bad_custom_parameter_is_named_and_falls_back_to_the_module_default(string name, string value, string named)
    {
        var (read, problems) = AssignmentSettings.FromCustomParameters(new Dictionary<string, string> { ["module"] = "cop-what-is", [name] = value });
        Assert.Equal("cop-what-is", read.ModuleId);
        Assert.Equal(AssignmentSettings.None with { ModuleId = "cop-what-is" }, read);
        Assert.Contains(problems, p => p.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Instructor_values_win_and_unset_ones_fall_back_to_the_lms()
    {
        var lms = new AssignmentSettings("a", 10m, 2, FeedbackTiming.Immediate);
        var instructor = new AssignmentSettings("b", Attempts: 5);
        Assert.Equal(new AssignmentSettings("b", 10m, 5, FeedbackTiming.Immediate), instructor.Over(lms));
    }

    [Fact]
    public void Feedback_after_the_due_date_waits_for_submission_and_the_date()
    {
        var due = new DateTimeOffset(2027, 3, 8, 17, 0, 0, TimeSpan.Zero);
        var settings = new EffectiveSettings(10m, 1, FeedbackTiming.AfterDue, null, due, null);
        Assert.False(settings.ShowsFeedback(submitted: true, due.AddMinutes(-1)));
        Assert.False(settings.ShowsFeedback(submitted: false, due.AddMinutes(1)));
        Assert.True(settings.ShowsFeedback(submitted: true, due.AddMinutes(1)));
        Assert.True(settings.IsLate(due.AddSeconds(1)));
        Assert.False(settings.IsLate(due));
    }

    [Theory]
    [InlineData(3, 10, 20, 6)]
    [InlineData(1, 3, 10, 3.33)]
    [InlineData(5, 5, 0, 0)]
    [InlineData(7, 10, 10, 7)]
    public void Scores_scale_to_the_activity_points(decimal given, decimal moduleMaximum, decimal points, decimal expected) =>
        Assert.Equal(expected, LtiCurriculum.Web.Learn.ScoreScale.To(given, moduleMaximum, points));
}
