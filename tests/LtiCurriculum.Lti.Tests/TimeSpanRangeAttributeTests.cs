using System.ComponentModel.DataAnnotations;

namespace LtiCurriculum.Lti.Tests;

/// <summary>
/// Durations in settings are checked against inclusive bounds, and one attribute instance can be used by many threads
/// at once (several hosts validating the same options), which <c>[Range(typeof(TimeSpan), …)]</c> could not.
/// </summary>
public sealed class TimeSpanRangeAttributeTests
{
    private sealed class Settings
    {
        [TimeSpanRange("00:00:10", "01:00:00", ErrorMessage = "Test:Age must be between 00:00:10 and 01:00:00.")]
        public TimeSpan? Age { get; set; }
    }

    [Theory]
    [InlineData("00:00:10", true)]
    [InlineData("01:00:00", true)]
    [InlineData("00:30:00", true)]
    [InlineData("00:00:09.999", false)]
    [InlineData("01:00:00.001", false)]
    [InlineData("-00:00:20", false)]
    public void Bounds_are_inclusive_and_a_value_outside_gets_the_settings_message(string age, bool valid)
    {
        var settings = new Settings { Age = TimeSpan.Parse(age, System.Globalization.CultureInfo.InvariantCulture) };
        var results = new List<ValidationResult>();
        Assert.Equal(valid, Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true));
        if (!valid)
        {
            Assert.Equal("Test:Age must be between 00:00:10 and 01:00:00.", Assert.Single(results).ErrorMessage);
        }
    }

    [Fact]
    public void No_value_is_left_to_Required()
    {
        var settings = new Settings();
        Assert.True(Validator.TryValidateObject(settings, new ValidationContext(settings), [], validateAllProperties: true));
    }

    [Fact]
    public async Task One_instance_validates_on_many_threads_at_once()
    {
        for (var round = 0; round < 200; round++)
        {
            var range = new TimeSpanRangeAttribute("00:00:00", "01:00:00");
            using var start = new Barrier(4);
            var checks = Enumerable.Range(0, 4).Select(i => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return range.IsValid(TimeSpan.FromMinutes(i)) && !range.IsValid(TimeSpan.FromHours(2));
            }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            Assert.All(await Task.WhenAll(checks), Assert.True);
        }
    }

    [Fact]
    public void Bounds_that_are_not_durations_fail_where_the_attribute_is_made() =>
        Assert.Throws<FormatException>(() => new TimeSpanRangeAttribute("ten seconds", "01:00:00"));
}
