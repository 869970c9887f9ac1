using System.Globalization;
using LtiCurriculum.Benchmarks.Load;

namespace LtiCurriculum.Benchmarks.Drain;

/// <summary>One poll: seconds since the drainer was started, the outbox by status, the drainer's CPU (ms) and RSS (kB).</summary>
internal readonly record struct DrainSample(double Seconds, long Delivered, long Pending, long Other, double CpuMs, long RssKb);

internal enum DrainEnd { Finished, TimedOut, Stalled, DrainerExited }

internal sealed record DrainRun(IReadOnlyList<DrainSample> Samples, DrainEnd End, double? ReadySeconds, string? LastReadProblem)
{
    public DrainSample? Final => Samples.Count > 0 ? Samples[^1] : null;
}

internal sealed record DrainResult(
    DrainOptions Options, DrainRun Run, ProcessSample? DrainerEnd, ProcessSample PlatformBefore, ProcessSample? PlatformAfter, TimeSpan SelfCpu,
    (MachineSample Before, MachineSample After) Machine, PlatformCounters? Counters, string? CountersProblem, IReadOnlyList<StuckRows> NotDelivered,
    int DrainerPid, int PlatformPid, int DrainerWarnings, int DrainerErrors, int PlatformWarnings, int PlatformErrors);

/// <summary>The drain as a table, and a one-line verdict against the targets.</summary>
internal static class DrainReport
{
    public const double TargetScoresPerSecond = 1000;
    public const double TargetRssGrowthMb = 50;

    public static bool Print(DrainResult result, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var options = result.Options;
        var run = result.Run;
        var total = options.Scores;
        void Row(string name, string value) => output.WriteLine(string.Create(c, $"  {name,-30}{value}"));

        output.WriteLine();
        output.WriteLine(string.Create(c, $"Drain: {total:N0} scores, {options.Learners:N0} learners, batch {options.Batch}, concurrency {options.Concurrency}; drainer pid {result.DrainerPid}, platform pid {result.PlatformPid}, {Environment.ProcessorCount} cores"));
        if (run.Final is not { } final)
        {
            Row("outbox", $"never read ({run.LastReadProblem ?? "no poll finished"})");
            output.WriteLine();
            output.WriteLine($"Verdict: MISS — the drain ended ({Describe(run.End)}) before the outbox could be read.");
            return false;
        }

        var elapsed = final.Seconds;
        var rate = final.Delivered / elapsed;
        var t10 = CrossingSeconds(run.Samples, 0.1 * total);
        var t90 = CrossingSeconds(run.Samples, 0.9 * total);
        var middleRate = t10 is { } a && t90 is { } b && b > a ? 0.8 * total / (b - a) : (double?)null;
        var at10 = FirstAtLeast(run.Samples, 0.1 * total);
        var at50 = FirstAtLeast(run.Samples, 0.5 * total);
        var at90 = FirstAtLeast(run.Samples, 0.9 * total);
        var firstDelivery = run.Samples.FirstOrDefault(s => s.Delivered > 0);
        var drainerCpu = result.DrainerEnd?.CpuMs ?? final.CpuMs;
        double? middleCpuPerScore = at10 is { } s10 && at90 is { } s90 && s90.Delivered > s10.Delivered
            ? (s90.CpuMs - s10.CpuMs) / (s90.Delivered - s10.Delivered)
            : null;
        var peakMb = result.DrainerEnd is { } end ? end.PeakRssKb / 1024.0 : run.Samples.Max(s => s.RssKb) / 1024.0;
        double? growthMb = at10 is { } r10 && at90 is { } r90 ? (r90.RssKb - r10.RssKb) / 1024.0 : null;

        Row("ended", string.Create(c, $"{Describe(run.End)} after {elapsed:F1} s"));
        Row("drainer ready", run.ReadySeconds is { } ready ? string.Create(c, $"{ready:F1} s after its start") : "never answered /health/ready");
        Row("first score delivered", firstDelivery.Delivered > 0 ? string.Create(c, $"by {firstDelivery.Seconds:F1} s") : "none");
        Row("delivered", string.Create(c, $"{final.Delivered:N0} of {total:N0}  (pending {final.Pending:N0}, other {final.Other:N0})"));
        Row("scores/s overall", string.Create(c, $"{rate:F0}  (from the drainer's start, startup included)"));
        Row("scores/s middle 80 %", middleRate is { } m ? string.Create(c, $"{m:F0}  (10 % at {t10:F1} s → 90 % at {t90:F1} s)") : "n/a");
        double? PerScore(double ms) => final.Delivered > 0 ? ms / final.Delivered : null;
        Row("drainer CPU", string.Create(c, $"{drainerCpu:F0} ms = {Ms(PerScore(drainerCpu))} ms/score overall; {Ms(middleCpuPerScore)} ms/score in the middle 80 %"));
        Row("drainer RSS at 10/50/90 %", $"{Mb(at10)} / {Mb(at50)} / {Mb(at90)} MB");
        Row("drainer RSS growth 10→90 %", growthMb is { } g ? string.Create(c, $"{g:+0;-0;0} MB") : "n/a");
        Row("drainer peak RSS (VmHWM)", string.Create(c, $"{peakMb:F0} MB (RSS at the first poll {run.Samples[0].RssKb / 1024.0:F0} MB)"));
        if (result.PlatformAfter is { } platformAfter)
        {
            var platformCpu = platformAfter.CpuMs - result.PlatformBefore.CpuMs;
            Row("platform CPU", string.Create(c, $"{platformCpu:F0} ms = {Ms(PerScore(platformCpu))} ms/score; peak RSS {platformAfter.PeakRssKb / 1024.0:F0} MB"));
        }
        Row("benchmark's own CPU", string.Create(c, $"{result.SelfCpu.TotalMilliseconds:F0} ms (polling SQLite and /proc)"));
        var machineBusy = result.Machine.After.BusyMs - result.Machine.Before.BusyMs;
        var machineTotal = result.Machine.After.TotalMs - result.Machine.Before.TotalMs;
        var known = drainerCpu + (result.PlatformAfter is { } p ? p.CpuMs - result.PlatformBefore.CpuMs : 0) + result.SelfCpu.TotalMilliseconds;
        var others = Math.Max(0, machineBusy - known) / 1000 / elapsed;
        Row("machine CPU busy", string.Create(c, $"{100 * machineBusy / machineTotal:F0}% of {Environment.ProcessorCount} cores; other processes {others:F2} cores"));
        if (others > 0.2)
        {
            output.WriteLine("  ! Other processes used a noticeable share of the CPU during the run: the rate is disturbed (CPU per score much less so).");
        }

        var counters = result.Counters;
        if (counters is not null)
        {
            Row("platform counters", $"accepted {N(counters.ScoresAccepted)}, rejected {N(counters.ScoresRejected)}, replays {N(counters.Replays)}");
            Row("", $"token requests {N(counters.TokenRequests)}, tokens issued {N(counters.TokensIssued)}");
            Row("", $"line items created {N(counters.LineItemsCreated)} (duplicates {N(counters.DuplicateLineItemsCreated)}); items for {DrainSeed.ResourceLinkId}: {N(counters.LinkLineItems)}");
        }
        else
        {
            Row("platform counters", $"not read: {result.CountersProblem}");
        }
        Row("logged warnings / errors", $"drainer {result.DrainerWarnings} / {result.DrainerErrors}, platform {result.PlatformWarnings} / {result.PlatformErrors}");
        if (result.NotDelivered.Count > 0)
        {
            Row("not delivered", "");
            foreach (var stuck in result.NotDelivered)
            {
                output.WriteLine(string.Create(c, $"    {stuck.Count,8:N0} × {stuck.Status}{(stuck.LastStatusCode is { } code ? $" (HTTP {code})" : "")}: {stuck.LastError ?? "(no error recorded)"}"));
            }
        }

        var allDelivered = run.End == DrainEnd.Finished && final.Delivered == total;
        var checks = new (bool Ok, string Text)[]
        {
            (rate >= TargetScoresPerSecond && allDelivered, string.Create(c, $"{rate:F0} scores/s overall (≥ {TargetScoresPerSecond:F0})")),
            (growthMb is { } grew && grew <= TargetRssGrowthMb, growthMb is { } shown
                ? string.Create(c, $"RSS growth 10→90 % {shown:+0;-0;0} MB (≤ {TargetRssGrowthMb:F0})")
                : "RSS growth 10→90 % not measured"),
            (counters?.Replays == 0, $"replays {N(counters?.Replays)} (want 0)"),
            (allDelivered, string.Create(c, $"delivered {final.Delivered:N0} of {total:N0}")),
            (counters?.LineItemsCreated == 1, $"line items created {N(counters?.LineItemsCreated)} (want 1)"),
        };
        var passed = checks.All(x => x.Ok);
        output.WriteLine();
        foreach (var (ok, text) in checks)
        {
            output.WriteLine($"  {(ok ? "PASS" : "MISS")}  {text}");
        }
        output.WriteLine();
        output.WriteLine($"Verdict: {(passed ? "PASS" : "MISS")} — {string.Join("; ", checks.Select(x => (x.Ok ? "ok " : "MISS ") + x.Text))}");
        return passed;

        string Mb(DrainSample? sample) => sample is { } s ? (s.RssKb / 1024.0).ToString("F0", c) : "n/a";
        string Ms(double? value) => value is { } v ? v.ToString("F3", c) : "n/a";
        string N(long? value) => value is { } v ? v.ToString("N0", c) : "n/a";
    }

    private static string Describe(DrainEnd end) => end switch
    {
        DrainEnd.Finished => "no score pending",
        DrainEnd.TimedOut => "timed out",
        DrainEnd.Stalled => $"stalled (no row changed state for {DrainCommand.StallAfter.TotalSeconds:F0} s)",
        DrainEnd.DrainerExited => "the drainer process exited",
        _ => end.ToString(),
    };

    /// <summary>The first poll at which at least <paramref name="delivered"/> rows were delivered.</summary>
    private static DrainSample? FirstAtLeast(IReadOnlyList<DrainSample> samples, double delivered)
    {
        foreach (var sample in samples)
        {
            if (sample.Delivered >= delivered)
            {
                return sample;
            }
        }
        return null;
    }

    /// <summary>When the delivered count crossed <paramref name="delivered"/>, interpolated between the two polls around it.</summary>
    private static double? CrossingSeconds(IReadOnlyList<DrainSample> samples, double delivered)
    {
        for (var i = 0; i < samples.Count; i++)
        {
            if (samples[i].Delivered >= delivered)
            {
                if (i == 0)
                {
                    return samples[0].Seconds;
                }
                var (before, after) = (samples[i - 1], samples[i]);
                var share = (delivered - before.Delivered) / Math.Max(1, after.Delivered - before.Delivered);
                return before.Seconds + share * (after.Seconds - before.Seconds);
            }
        }
        return null;
    }
}
