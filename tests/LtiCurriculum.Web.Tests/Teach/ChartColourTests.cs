using System.Globalization;
using LtiCurriculum.Web.Teach.Charts;

namespace LtiCurriculum.Web.Tests.Teach;

/// <summary>WCAG 2.2: graphics need 3:1 against their white background (1.4.11), text 4.5:1 (1.4.3).</summary>
public sealed class ChartColourTests
{
    public static TheoryData<string> GraphicColours =>
    [
        ChartDrawing.Bar,
        ChartDrawing.Highlight,
        .. Enum.GetValues<SegmentPattern>().Select(ChartDrawing.Colour),
    ];

    [Theory]
    [MemberData(nameof(GraphicColours))]
    public void Chart_colours_stand_out_from_white(string colour)
    {
        Assert.True(ContrastWithWhite(colour) >= 3, $"{colour}: {ContrastWithWhite(colour):0.00}:1");
    }

    [Fact]
    public void Chart_text_reads_against_white()
    {
        Assert.True(ContrastWithWhite(ChartDrawing.Ink) >= 4.5);
    }

    [Fact]
    public void Every_segment_pattern_has_its_own_colour()
    {
        var colours = Enum.GetValues<SegmentPattern>().Select(ChartDrawing.Colour).ToArray();

        Assert.Equal(colours.Length, colours.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Contrast_is_measured_the_wcag_way()
    {
        Assert.Equal(21, ContrastWithWhite("#000000"), 2);
        Assert.Equal(1, ContrastWithWhite("#ffffff"), 2);
        Assert.Equal(4.54, ContrastWithWhite("#767676"), 2);
    }

    private static double ContrastWithWhite(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(1 + offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
        return 1.05 / (luminance + 0.05);
    }
}
