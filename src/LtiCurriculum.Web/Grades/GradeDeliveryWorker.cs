using System.Collections.Concurrent;
using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Grades;

/// <summary>
/// Delivers the outbox. Each platform with due scores gets its own drain, so a platform that is down or slow only
/// delays its own scores. A drain takes a batch (leased), sends it with bounded concurrency, records every outcome
/// in one transaction, and goes on until nothing is due. A platform that asks us to wait (429/503 Retry-After), or
/// whose whole batch failed, is paused; its rows carry their own next-try times.
/// On shutdown no new round starts; sends in flight may finish and be recorded until shortly before the host's
/// ShutdownTimeout. Then they are cancelled, and every score of the round not recorded is released (lease cleared,
/// failures and next try unchanged) so another instance, or the next start, takes it at once rather than after the
/// lease expires. A cancelled send may have landed: it is re-sent with the same timestamp, which platforms treat as
/// the same score (and a 409 for it counts as delivered, see <see cref="DeliveryOutcomes"/>).
/// </summary>
public sealed partial class GradeDeliveryWorker(
    GradeLeases leases, ScoreDelivery delivery, GradeDeliverySignal signal, GradeTelemetry telemetry, IOptions<GradeOptions> options,
    IOptions<HostOptions> host, IDbContextFactory<LtiDbContext> contexts, TimeProvider time, ILogger<GradeDeliveryWorker> logger) : BackgroundService
{
    /// <summary>Kept from the host's ShutdownTimeout for releasing what did not finish (one short transaction).</summary>
    private static readonly TimeSpan ReleaseTime = TimeSpan.FromSeconds(2);

    private readonly GradeOptions _options = options.Value;
    private readonly ConcurrentDictionary<int, Task> _drains = new();
    private readonly ConcurrentDictionary<int, DateTimeOffset> _pausedUntil = new();
    private readonly CancellationTokenSource _abandon = new();
    private long _passes;

    /// <summary>
    /// How far the worker has come: completed polling passes and drains still running. A pass that found due work has
    /// started its drain before it counts, so "two more passes and no drain running" means everything due was tried.
    /// </summary>
    public (long Passes, int RunningDrains) Progress => (Interlocked.Read(ref _passes), _drains.Count);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.DeliveryEnabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                foreach (var platformId in await leases.PlatformsWithDueWorkAsync(stoppingToken))
                {
                    if (_pausedUntil.TryGetValue(platformId, out var until) && until > now) continue;
                    if (_drains.ContainsKey(platformId)) continue;
                    // Registered before it may run: a drain that finds nothing ends within a millisecond, and if this
                    // thread was preempted between Task.Run and storing the task, the drain's own removal came first and
                    // its finished task stayed registered, so the platform was never drained again (seen under CPU load).
                    var drain = new Task<Task>(() => DrainAsync(platformId, stoppingToken), CancellationToken.None, TaskCreationOptions.DenyChildAttach);
                    if (_drains.TryAdd(platformId, drain.Unwrap()))
                    {
                        drain.Start(TaskScheduler.Default);
                    }
                }
                Interlocked.Increment(ref _passes);
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogLoopFailed(ex);
                await Task.Delay(_options.PollInterval, time, CancellationToken.None);
            }
        }
        await Task.WhenAll(_drains.Values);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Sends get the host's ShutdownTimeout less the time to release what is left; the host's own token (its
        // timeout, counted from a moment earlier) ends them too. The wait as a whole never outlasts the timeout by more.
        var shutdown = host.Value.ShutdownTimeout;
        var bounded = shutdown >= TimeSpan.Zero;
        var release = bounded ? TimeSpan.FromTicks(Math.Min(ReleaseTime.Ticks, shutdown.Ticks / 2)) : TimeSpan.Zero;
        using var giveUp = bounded ? new CancellationTokenSource(shutdown - release, time) : new CancellationTokenSource();
        using var hardStop = bounded ? new CancellationTokenSource(shutdown, time) : new CancellationTokenSource();
        await using (giveUp.Token.Register(_abandon.Cancel))
        await using (cancellationToken.Register(_abandon.Cancel))
        {
            await base.StopAsync(hardStop.Token);
        }
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    private async Task DrainAsync(int platformId, CancellationToken stoppingToken)
    {
        try
        {
            var platform = await LoadPlatformAsync(platformId, stoppingToken);
            if (platform is null)
            {
                LogPlatformMissing(platformId);
                _pausedUntil[platformId] = time.GetUtcNow() + _options.MaxRetryDelay;
                return;
            }
            while (!stoppingToken.IsCancellationRequested)
            {
                var batch = await leases.LeaseAsync(platformId, _options.BatchSize, stoppingToken);
                if (batch.Count == 0) break;
                var (results, unsent) = await SendAsync(batch, platform);
                foreach (var (sent, result) in results)
                {
                    telemetry.Record(platformId, sent.Id, result);
                }
                await leases.CompleteAsync(results, CancellationToken.None);
                if (unsent.Count > 0)
                {
                    await leases.ReleaseAsync(unsent, CancellationToken.None);
                    LogReleased(platformId, unsent.Count);
                    break;
                }
                if (PauseFor(results) is { } pause)
                {
                    _pausedUntil[platformId] = time.GetUtcNow() + pause;
                    LogPlatformPaused(platformId, pause.TotalSeconds);
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogDrainFailed(ex, platformId);
        }
        finally
        {
            _drains.TryRemove(platformId, out _);
            // A score written while this drain was finishing would otherwise wait for the next poll.
            signal.Wake();
        }
    }

    /// <summary>
    /// The round's outcomes, and the scores it did not get an answer for because shutdown cut it short (with whether
    /// their send had started, so may have landed).
    /// </summary>
    private async Task<(List<(LeasedDelivery, DeliveryResult)> Results, List<(LeasedDelivery Delivery, bool Started)> Unsent)> SendAsync(
        IReadOnlyList<LeasedDelivery> batch, AgsPlatform platform)
    {
        var results = new (LeasedDelivery, DeliveryResult)?[batch.Count];
        var started = new bool[batch.Count];
        DeliveryResult? trouble = null;
        var abandon = _abandon.Token;
        // Not cancelled by the stopping token: a send already started may finish and be recorded, until the abandon token.
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), new ParallelOptions { MaxDegreeOfParallelism = _options.ConcurrencyPerPlatform }, async (i, ct) =>
        {
            DeliveryResult result;
            if (abandon.IsCancellationRequested)
            {
                return;
            }
            if (Volatile.Read(ref trouble) is { } seen)
            {
                // The platform just failed us; the rest of the round waits for the next try instead of each failing again.
                results[i] = (batch[i], new DeliveryResult(DeliveryVerdict.Later, seen.StatusCode, "Not tried: " + seen.Error,
                    seen.RetryAfter ?? RetrySchedule.Delay(batch[i].Failures + 1, _options)));
                return;
            }
            try
            {
                started[i] = true;
                result = await delivery.DeliverAsync(batch[i], platform, abandon);
                if (abandon.IsCancellationRequested)
                {
                    // Whatever it says, it may be the cancellation talking (a timeout, a failed connection): release it.
                    return;
                }
                if (result.PlatformTrouble) Volatile.Write(ref trouble, result);
            }
            catch (OperationCanceledException) when (abandon.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(ex, batch[i].Id);
                result = new DeliveryResult(DeliveryVerdict.Retry, Error: "The tool failed while sending: " + ex.Message, AnswerUnknown: true);
            }
            results[i] = (batch[i], result);
        });
        var done = results.OfType<(LeasedDelivery, DeliveryResult)>().ToList();
        var unsent = Enumerable.Range(0, batch.Count).Where(i => results[i] is null).Select(i => (batch[i], started[i])).ToList();
        return (done, unsent);
    }

    /// <summary>How long to leave a platform alone after this round, if at all.</summary>
    private TimeSpan? PauseFor(IReadOnlyList<(LeasedDelivery Delivery, DeliveryResult Result)> results)
    {
        var askedToWait = results.Select(r => r.Result.RetryAfter).Where(r => r is not null && r > TimeSpan.Zero).Max();
        if (askedToWait is { } wait && results.Any(r => r.Result.StatusCode is 429 or 503))
        {
            return wait;
        }
        if (results.Any(r => r.Result.Verdict == DeliveryVerdict.Retry) && results.All(r => r.Result.Verdict is DeliveryVerdict.Retry or DeliveryVerdict.Later))
        {
            return RetrySchedule.Delay(results.Min(r => r.Delivery.Failures) + 1, _options);
        }
        return null;
    }

    private async Task<AgsPlatform?> LoadPlatformAsync(int platformId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Platforms.Where(p => p.Id == platformId)
            .Select(p => new AgsPlatform(p.Id, p.ClientId, p.TokenEndpoint, p.TokenAudience))
            .FirstOrDefaultAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Grade delivery loop failed; trying again.")]
    private partial void LogLoopFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Grade delivery to platform {PlatformId} failed; its scores stay in the outbox.")]
    private partial void LogDrainFailed(Exception ex, int platformId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending score {DeliveryId} failed inside the tool.")]
    private partial void LogSendFailed(Exception ex, long deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Platform {PlatformId} is no longer registered; its pending scores wait until it is registered again.")]
    private partial void LogPlatformMissing(int platformId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: released {Count} score(s) for platform {PlatformId} that were not answered in time; they are sent again at the next start or by another instance.")]
    private partial void LogReleased(int platformId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pausing score delivery to platform {PlatformId} for {Seconds:0.#} s.")]
    private partial void LogPlatformPaused(int platformId, double seconds);
}
