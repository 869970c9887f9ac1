using System.Diagnostics;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>What one phase produced: the step times of every good flow, and the errors by reason.</summary>
internal sealed class PhaseResult
{
    public List<long> Total { get; } = [];
    public List<long> Login { get; } = [];
    public List<long> Sign { get; } = [];
    public List<long> Launch { get; } = [];
    public List<long> Page { get; } = [];
    /// <summary><see cref="Total"/> split by role: instructors' flows end on the class readiness page.</summary>
    public List<long> Learners { get; } = [];
    public List<long> Instructors { get; } = [];
    public Dictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);
    public TimeSpan Elapsed { get; set; }
    public int Flows => Total.Count;
    public int ErrorCount => Errors.Values.Sum();

    public void Add(FlowResult flow, bool instructor = false)
    {
        if (flow.Error is { } error)
        {
            Errors[error] = Errors.GetValueOrDefault(error) + 1;
            return;
        }
        Total.Add(flow.Total);
        Login.Add(flow.Login);
        Sign.Add(flow.Sign);
        Launch.Add(flow.Launch);
        Page.Add(flow.Page);
        (instructor ? Instructors : Learners).Add(flow.Total);
    }

    public void Merge(PhaseResult other)
    {
        Total.AddRange(other.Total);
        Login.AddRange(other.Login);
        Sign.AddRange(other.Sign);
        Launch.AddRange(other.Launch);
        Page.AddRange(other.Page);
        Learners.AddRange(other.Learners);
        Instructors.AddRange(other.Instructors);
        foreach (var (error, count) in other.Errors)
        {
            Errors[error] = Errors.GetValueOrDefault(error) + count;
        }
    }
}

/// <summary>
/// N virtual users, each looping whole flows until the phase's time is up, the run's flow budget is spent,
/// the tool dies or the user presses Ctrl+C. A flow that has started is finished and counted.
/// <paramref name="nextUser"/> picks each flow's user with the worker's own random generator.
/// </summary>
internal sealed class LoadPhase(FlowClient client, Func<Random, LoadUser> nextUser, int concurrency, Func<bool> toolAlive)
{
    private long _budget;

    public long FlowsStarted => Interlocked.Read(ref _budget);

    public async Task<PhaseResult> RunAsync(TimeSpan duration, long maxFlows, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, concurrency)
            .Select(i => Task.Run(() => WorkerAsync(i, deadline, maxFlows, stop), CancellationToken.None))
            .ToArray();
        var results = await Task.WhenAll(workers);
        var merged = new PhaseResult { Elapsed = Stopwatch.GetElapsedTime(started) };
        foreach (var result in results)
        {
            merged.Merge(result);
        }
        return merged;
    }

    private async Task<PhaseResult> WorkerAsync(int index, long deadline, long maxFlows, CancellationTokenSource stop)
    {
        var result = new PhaseResult();
        var random = new Random(index * 7919 + 17);
        while (!stop.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref _budget) <= maxFlows)
        {
            FlowResult flow;
            var user = nextUser(random);
            try
            {
                flow = await client.RunAsync(user, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                flow = FlowResult.Fail($"exception: {ex.GetType().Name}: {ex.Message}");
            }
            result.Add(flow, user.Role == LtiCurriculum.DevPlatform.LtiRoles.Instructor);
            if (flow.Error is not null && !toolAlive())
            {
                result.Add(FlowResult.Fail("the tool process exited"));
                await stop.CancelAsync();
            }
        }
        return result;
    }
}
