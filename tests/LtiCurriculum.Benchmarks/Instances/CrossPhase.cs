using System.Diagnostics;
using LtiCurriculum.Benchmarks.Load;

namespace LtiCurriculum.Benchmarks.Instances;

/// <summary>A phase's flows (steps and errors, as the load command keeps them) and its replays.</summary>
internal sealed class CrossPhaseResult
{
    public PhaseResult Flows { get; } = new();
    public int ReplaysRefused { get; private set; }
    public int ReplaysAccepted { get; private set; }
    public int Replays => ReplaysRefused + ReplaysAccepted;

    public void Add(CrossFlowResult result)
    {
        Flows.Add(result.Flow);
        ReplaysRefused += result.Replay == ReplayOutcome.Refused ? 1 : 0;
        ReplaysAccepted += result.Replay == ReplayOutcome.Accepted ? 1 : 0;
    }

    public void Merge(CrossPhaseResult other)
    {
        Flows.Merge(other.Flows);
        ReplaysRefused += other.ReplaysRefused;
        ReplaysAccepted += other.ReplaysAccepted;
    }
}

/// <summary>
/// N virtual users looping crossing flows until the time is up, the flow budget is spent, an instance dies or the user
/// presses Ctrl+C. Flow number n logs in on A and launches on B when n is odd, the other way when even; every
/// <c>replayEvery</c>-th flow replays, to A and B by turns. A flow that has started is finished and counted.
/// </summary>
internal sealed class CrossPhase(CrossFlowClient client, Uri a, Uri b, LoadUser[] users, int replayEvery, Func<bool> bothAlive)
{
    private long _started;

    public async Task<CrossPhaseResult> RunAsync(int concurrency, TimeSpan duration, long maxFlows, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var budget = Interlocked.Read(ref _started) + maxFlows;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, concurrency)
            .Select(i => Task.Run(() => WorkerAsync(i, deadline, budget, stop), CancellationToken.None))
            .ToArray();
        var results = await Task.WhenAll(workers);
        var merged = new CrossPhaseResult();
        merged.Flows.Elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var result in results)
        {
            merged.Merge(result);
        }
        return merged;
    }

    private async Task<CrossPhaseResult> WorkerAsync(int index, long deadline, long budget, CancellationTokenSource stop)
    {
        var result = new CrossPhaseResult();
        var random = new Random(index * 7919 + 17);
        while (!stop.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline)
        {
            var n = Interlocked.Increment(ref _started);
            if (n > budget)
            {
                break;
            }
            var (from, to) = n % 2 == 1 ? (a, b) : (b, a);
            var replayTo = n % replayEvery == 0 ? (n / replayEvery % 2 == 0 ? a : b) : null;
            CrossFlowResult flow;
            try
            {
                flow = await client.RunAsync(from, to, users[random.Next(users.Length)], replayTo, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                flow = new CrossFlowResult(FlowResult.Fail($"exception: {ex.GetType().Name}: {ex.Message}"), ReplayOutcome.None);
            }
            result.Add(flow);
            if (flow.Flow.Error is not null && !bothAlive())
            {
                result.Add(new CrossFlowResult(FlowResult.Fail("a tool process exited"), ReplayOutcome.None));
                await stop.CancelAsync();
            }
        }
        return result;
    }
}
