using System.Globalization;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>The measured phase as a table, and a one-line verdict against the targets (set for concurrency 32).</summary>
internal static class LoadReport
{
    public const int TargetConcurrency = 32;
    public const double TargetP99Ms = 50;
    public const double TargetCpuMsPerFlow = 1.0;
    public const double TargetPeakRssMb = 300;

    public static bool Print(LoadOptions options, int toolPid, PhaseResult run, ProcessSample toolBefore, ProcessSample toolAfter, TimeSpan clientCpu, (MachineSample Before, MachineSample After) machine, TextWriter output)
    {
        var flows = run.Flows;
        if (flows == 0)
        {
            output.WriteLine($"Verdict: MISS — no flow completed in the measured phase ({run.ErrorCount} errors{(run.Errors.Count > 0 ? $"; first: {run.Errors.Keys.First()}" : "")}).");
            return false;
        }
        var seconds = run.Elapsed.TotalSeconds;
        var total = new LatencyStats(run.Total);
        var toolCpuMs = toolAfter.CpuMs - toolBefore.CpuMs;
        var cpuPerFlow = flows == 0 ? double.NaN : toolCpuMs / flows;
        var clientPerFlow = flows == 0 ? double.NaN : clientCpu.TotalMilliseconds / flows;
        var peakMb = toolAfter.PeakRssKb / 1024.0;

        var c = CultureInfo.InvariantCulture;
        void Row(string name, string value) => output.WriteLine(string.Create(c, $"  {name,-28}{value}"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Measured phase: {seconds:F1} s at concurrency {options.Concurrency}, {(options.NewUsers ? "a new user per flow" : $"{options.Users} users")} over {options.Courses} courses and {options.Links} links, tool pid {toolPid}, {Environment.ProcessorCount} cores"));
        Row("flows completed", string.Create(c, $"{flows}  ({flows / seconds:F1} flows/s)"));
        Row("errors", run.ErrorCount.ToString(c));
        foreach (var (error, count) in run.Errors.OrderByDescending(e => e.Value).Take(8))
        {
            Row("", string.Create(c, $"{count} × {error}"));
        }
        Row("flow latency ms", string.Create(c, $"p50 {total.P50:F2}   p90 {total.P90:F2}   p99 {total.P99:F2}   max {total.Max:F2}"));
        Row("step p50 / p99 ms", StepLine(run, s => s.P50) + " | p99 " + StepLine(run, s => s.P99));
        if (run.Instructors.Count > 0)
        {
            var instructors = new LatencyStats(run.Instructors);
            var learners = new LatencyStats(run.Learners);
            Row("by role, p50 / p99 ms", string.Create(c, $"learners ({learners.Count}) {learners.P50:F2} / {learners.P99:F2}   instructors ({instructors.Count}) {instructors.P50:F2} / {instructors.P99:F2}"));
        }
        Row("tool CPU", string.Create(c, $"{toolCpuMs:F0} ms = {cpuPerFlow:F3} ms/flow ({toolCpuMs / 1000 / seconds:F2} cores busy)"));
        Row("tool peak RSS (VmHWM)", string.Create(c, $"{peakMb:F0} MB (RSS now {toolAfter.RssKb / 1024.0:F0} MB)"));
        Row("load client CPU", string.Create(c, $"{clientCpu.TotalMilliseconds:F0} ms = {clientPerFlow:F3} ms/flow ({clientCpu.TotalSeconds / seconds:F2} cores busy)"));
        var machineBusy = machine.After.BusyMs - machine.Before.BusyMs;
        var machineTotal = machine.After.TotalMs - machine.Before.TotalMs;
        var others = Math.Max(0, machineBusy - toolCpuMs - clientCpu.TotalMilliseconds);
        Row("machine CPU busy", string.Create(c, $"{100 * machineBusy / machineTotal:F0}% of {Environment.ProcessorCount} cores; other processes {others / 1000 / seconds:F2} cores"));
        if (others / 1000 / seconds > 0.2)
        {
            output.WriteLine("  ! Other processes used a noticeable share of the CPU during the run: latency and throughput are disturbed (CPU per flow much less so).");
        }

        var checks = new (bool Ok, string Text)[]
        {
            (run.ErrorCount == 0 && flows > 0, $"errors {run.ErrorCount} (want 0)"),
            (total.P99 <= TargetP99Ms, string.Create(c, $"p99 {total.P99:F1} ms (≤ {TargetP99Ms})")),
            (cpuPerFlow <= TargetCpuMsPerFlow, string.Create(c, $"tool CPU {cpuPerFlow:F2} ms/flow (≤ {TargetCpuMsPerFlow:F1})")),
            (peakMb <= TargetPeakRssMb, string.Create(c, $"peak RSS {peakMb:F0} MB (≤ {TargetPeakRssMb})")),
        };
        var passed = checks.All(x => x.Ok);
        var note = options.Concurrency == TargetConcurrency ? "" : $" [targets are set for concurrency {TargetConcurrency}]";
        output.WriteLine();
        output.WriteLine($"Verdict: {(passed ? "PASS" : "MISS")} — {string.Join("; ", checks.Select(x => (x.Ok ? "ok " : "MISS ") + x.Text))}{note}");
        return passed;
    }

    private static string StepLine(PhaseResult run, Func<LatencyStats, double> pick) => string.Create(CultureInfo.InvariantCulture,
        $"login {pick(new LatencyStats(run.Login)):F2}  sign {pick(new LatencyStats(run.Sign)):F2}  launch {pick(new LatencyStats(run.Launch)):F2}  page {pick(new LatencyStats(run.Page)):F2}");
}
