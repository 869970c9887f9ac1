using System.Globalization;
using LtiCurriculum.Benchmarks.Load;

namespace LtiCurriculum.Benchmarks.Instances;

/// <summary>CPU samples taken before and after a measured phase.</summary>
internal readonly record struct InstancesSample(ProcessSample A, ProcessSample B, PostgresSample Postgres, TimeSpan Client, MachineSample Machine);

/// <summary>One measured phase as a table, and its verdict: zero errors and zero replays accepted (the issue's requirement).</summary>
internal static class InstancesReport
{
    public static bool Print(int concurrency, CrossPhaseResult run, InstancesSample before, InstancesSample after, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var flows = run.Flows.Flows;
        var seconds = run.Flows.Elapsed.TotalSeconds;
        var total = new LatencyStats(run.Flows.Total);
        double PerFlow(double ms) => flows == 0 ? double.NaN : ms / flows;
        string Cpu(double ms) => string.Create(c, $"{ms:F0} ms = {PerFlow(ms):F3} ms/flow ({ms / 1000 / seconds:F2} cores busy)");
        void Row(string name, string value) => output.WriteLine(string.Create(c, $"  {name,-33}{value}"));

        var toolA = after.A.CpuMs - before.A.CpuMs;
        var toolB = after.B.CpuMs - before.B.CpuMs;
        var postgres = after.Postgres.AllMs - before.Postgres.AllMs;
        var backends = after.Postgres.BenchMs - before.Postgres.BenchMs;
        var client = (after.Client - before.Client).TotalMilliseconds;
        var machineBusy = after.Machine.BusyMs - before.Machine.BusyMs;
        var machineTotal = after.Machine.TotalMs - before.Machine.TotalMs;
        var others = Math.Max(0, machineBusy - toolA - toolB - postgres - client);

        output.WriteLine();
        output.WriteLine(string.Create(c, $"Measured phase: {seconds:F1} s at concurrency {concurrency} over two tool processes on one PostgreSQL database, {Environment.ProcessorCount} cores"));
        Row("flows completed", string.Create(c, $"{flows}  ({flows / seconds:F1} flows/s), each logging in on one instance and launching on the other"));
        Row("errors", run.Flows.ErrorCount.ToString(c));
        foreach (var (error, count) in run.Flows.Errors.OrderByDescending(e => e.Value).Take(8))
        {
            Row("", string.Create(c, $"{count} × {error}"));
        }
        Row("replays", string.Create(c, $"{run.Replays} tried, {run.ReplaysRefused} refused (401 state_unknown), {run.ReplaysAccepted} accepted"));
        Row("flow latency ms", string.Create(c, $"p50 {total.P50:F2}   p90 {total.P90:F2}   p99 {total.P99:F2}   max {total.Max:F2}"));
        Row("step p50 / p99 ms", string.Create(c, $"login {Step(run.Flows.Login, 50)}/{Step(run.Flows.Login, 99)}  sign {Step(run.Flows.Sign, 50)}/{Step(run.Flows.Sign, 99)}  launch {Step(run.Flows.Launch, 50)}/{Step(run.Flows.Launch, 99)}  page {Step(run.Flows.Page, 50)}/{Step(run.Flows.Page, 99)}"));
        Row("tool CPU (both processes)", Cpu(toolA + toolB));
        Row("", string.Create(c, $"A {PerFlow(toolA):F3} ms/flow, B {PerFlow(toolB):F3} ms/flow; peak RSS A {after.A.PeakRssKb / 1024.0:F0} MB, B {after.B.PeakRssKb / 1024.0:F0} MB"));
        Row("PostgreSQL CPU (all processes)", Cpu(postgres));
        Row("", string.Create(c, $"of which this database's backends {PerFlow(backends):F3} ms/flow; {after.Postgres.Processes} postgres processes now"));
        Row("load client CPU", Cpu(client));
        Row("machine CPU busy", string.Create(c, $"{100 * machineBusy / machineTotal:F0}% of {Environment.ProcessorCount} cores; other processes {others / 1000 / seconds:F2} cores"));
        if (others / 1000 / seconds > 0.2)
        {
            output.WriteLine("  ! Other processes used a noticeable share of the CPU during the run: latency and throughput are disturbed (CPU per flow much less so).");
        }

        var checks = new (bool Ok, string Text)[]
        {
            (run.Flows.ErrorCount == 0 && flows > 0, $"errors {run.Flows.ErrorCount} (want 0)"),
            (run.ReplaysAccepted == 0 && run.Replays > 0, $"replays accepted {run.ReplaysAccepted} of {run.Replays} (want 0, and some tried)"),
        };
        var passed = checks.All(x => x.Ok);
        output.WriteLine();
        output.WriteLine($"Verdict at concurrency {concurrency}: {(passed ? "PASS" : "MISS")} — {string.Join("; ", checks.Select(x => (x.Ok ? "ok " : "MISS ") + x.Text))}");
        return passed;
    }

    private static string Step(List<long> ticks, double percentile) =>
        new LatencyStats(ticks).Percentile(percentile).ToString("F2", CultureInfo.InvariantCulture);
}
