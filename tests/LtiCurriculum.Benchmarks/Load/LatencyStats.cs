using System.Diagnostics;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>Percentiles (nearest rank) of a set of Stopwatch tick durations, in milliseconds.</summary>
internal sealed class LatencyStats
{
    private readonly long[] _sorted;

    public LatencyStats(IEnumerable<long> ticks)
    {
        _sorted = [.. ticks];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;
    public double P50 => Percentile(50);
    public double P90 => Percentile(90);
    public double P99 => Percentile(99);
    public double Max => Count == 0 ? 0 : ToMs(_sorted[^1]);
    public double Mean => Count == 0 ? 0 : ToMs((long)_sorted.Average());

    public double Percentile(double p)
    {
        if (Count == 0)
        {
            return 0;
        }
        var rank = (int)Math.Ceiling(p / 100 * Count);
        return ToMs(_sorted[Math.Clamp(rank - 1, 0, Count - 1)]);
    }

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
