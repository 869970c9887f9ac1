using System.Globalization;

namespace LtiCurriculum.Web.Teach.Charts;

/// <summary>Numbers and colours the chart components share. SVG coordinates are always written in the invariant culture.</summary>
internal static class ChartDrawing
{
    /// <summary>Text colour: 16:1 against white.</summary>
    public const string Ink = "#1b1f24";
    /// <summary>Bars: 6.6:1 against white.</summary>
    public const string Bar = "#0b57d0";
    /// <summary>Highlighted bars: 8.3:1 against white.</summary>
    public const string Highlight = "#a40e26";
    /// <summary>The empty part of a bar, decoration only.</summary>
    public const string Track = "#eaeef2";

    /// <summary>Ids are joined with spaces in aria-labelledby, so an id with a space would name the wrong thing.</summary>
    public static void CheckId(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"A chart id must be non-empty and without spaces; got '{id}'.", nameof(id));
        }
    }

    /// <summary>
    /// A coordinate with at most two decimals and no trailing zeros, as "0.##" writes it in the invariant culture.
    /// Written from the whole number of hundredths: formatting the double itself (with "0.##" or "F2") cost 250-300 ns
    /// a number, a third of a 20-question dashboard's chart drawing, against about 50 ns. Below a billion both give
    /// the same digits (well within the 15 that "0.##" keeps); anything else (negative zero, huge, NaN) takes "0.##".
    /// </summary>
    public static string N(double value)
    {
        var rounded = Math.Round(value, 2);
        if (!(Math.Abs(rounded) < 1e9) || (rounded == 0 && double.IsNegative(rounded)))
        {
            return rounded.ToString("0.##", CultureInfo.InvariantCulture);
        }
        var hundredths = (long)Math.Round(rounded * 100);
        var magnitude = Math.Abs(hundredths);
        Span<char> text = stackalloc char[16];
        var length = 0;
        if (hundredths < 0)
        {
            text[length++] = '-';
        }
        (magnitude / 100).TryFormat(text[length..], out var written, default, CultureInfo.InvariantCulture);
        length += written;
        var fraction = (int)(magnitude % 100);
        if (fraction != 0)
        {
            text[length++] = '.';
            text[length++] = (char)('0' + fraction / 10);
            if (fraction % 10 != 0)
            {
                text[length++] = (char)('0' + fraction % 10);
            }
        }
        return new string(text[..length]);
    }

    /// <summary>About how wide text is at font size 13 in SVG units: wide (CJK, fullwidth) characters count double.</summary>
    public static double TextWidth(string text)
    {
        var units = 0.0;
        foreach (var c in text) units += c >= '\u2E80' ? 13 : 7.5;
        return units;
    }

    /// <summary>Text wider than <paramref name="units"/> ends in "…"; the data table keeps the whole text.</summary>
    public static string Fit(string text, double units)
    {
        if (TextWidth(text) <= units) return text;
        var used = TextWidth("…");
        var length = 0;
        while (length < text.Length && used + TextWidth(text[length].ToString()) <= units) used += TextWidth(text[length++].ToString());
        return string.Concat(text.AsSpan(0, length).TrimEnd(), "…");
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>Segment colours, each 4.8:1 or more against white.</summary>
    public static string Colour(SegmentPattern pattern) => pattern switch
    {
        SegmentPattern.Hatched => "#57606a",
        SegmentPattern.Dotted => "#9a6700",
        SegmentPattern.Solid => "#1a7f37",
        _ => "#8250df",
    };
}
