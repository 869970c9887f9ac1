using System.Globalization;
using LtiCurriculum.Web.Teach.Charts;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>SVG coordinates are written as the "0.##" custom format writes them, by a faster route (ChartDrawing.N).</summary>
public sealed class ChartNumberTests
{
    private static string Expected(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(360.0, "360")]
    [InlineData(100.0, "100")]
    [InlineData(12.5, "12.5")]
    [InlineData(12.346, "12.35")]
    [InlineData(0.004, "0")]
    [InlineData(0.05, "0.05")]
    [InlineData(-7.25, "-7.25")]
    [InlineData(239.99999999, "240")]
    public void Writes_at_most_two_decimals_without_trailing_zeros(double value, string expected)
    {
        Assert.Equal(expected, ChartDrawing.N(value));
        Assert.Equal(Expected(value), ChartDrawing.N(value));
    }

    [Theory]
    [InlineData(-0.0)]
    [InlineData(-0.001)]
    [InlineData(1e9)]
    [InlineData(-123456789012.345)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.Epsilon)]
    public void Unusual_values_are_written_as_the_custom_format_writes_them(double value) =>
        Assert.Equal(Expected(value), ChartDrawing.N(value));

    [Fact]
    public void Agrees_with_the_custom_format_on_a_hundred_thousand_values()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 100_000; i++)
        {
            // Chart-sized coordinates, fractions of a bar, and numbers up to the fast path's limit.
            var value = (i % 3) switch
            {
                0 => random.NextDouble() * 400,
                1 => random.Next(0, 2001) / 100.0 * (random.Next(2) == 0 ? 1 : -1),
                _ => (random.NextDouble() - 0.5) * 2e9,
            };
            Assert.Equal(Expected(value), ChartDrawing.N(value));
        }
    }
}
