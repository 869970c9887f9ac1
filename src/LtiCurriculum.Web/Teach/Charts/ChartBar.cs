namespace LtiCurriculum.Web.Teach.Charts;

/// <summary>
/// One bar of a <see cref="HorizontalBarChart"/>: <paramref name="Value"/> out of <paramref name="Max"/>.
/// <paramref name="ValueText"/> replaces the number shown; <paramref name="Highlight"/> draws the bar hatched in a second colour.
/// </summary>
public sealed record ChartBar(string Label, decimal Value, decimal Max, string? ValueText = null, bool Highlight = false)
{
    /// <summary>The filled share of the bar, 0 to 1; 0 when the maximum is not positive.</summary>
    public double Fraction => Max <= 0 ? 0 : (double)Math.Clamp(Value / Max, 0m, 1m);
}
