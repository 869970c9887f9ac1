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
/// In-flight sends finish on shutdown (each is bounded by the HTTP timeout); what is not recorded is re-sent later
/// with the same timestamp, which platforms treat as the same score.
/// </summary>
public sealed partial class GradeDeliveryWorker(
    GradeLeases leases, ScoreDelivery delivery, GradeDeliverySignal signal, GradeTelemetry telemetry, IOptions<GradeOptions> options,
    IDbContextFactory<LtiDbContext> contexts, TimeProvider time, ILogger<GradeDeliveryWorker> logger) : BackgroundService
{
    private readonly GradeOptions _options = options.Value;
    private readonly ConcurrentDictionary<int, Task> _drains = new();
    private readonly ConcurrentDictionary<int, DateTimeOffset> _pausedUntil = new();
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
                var results = await SendAsync(batch, platform);
                foreach (var (sent, result) in results)
                {
                    telemetry.Record(platformId, sent.Id, result);
                }
                await leases.CompleteAsync(results, CancellationToken.None);
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

    private async Task<(LeasedDelivery, DeliveryResult)[]> SendAsync(IReadOnlyList<LeasedDelivery> batch, AgsPlatform platform)
    {
        var results = new (LeasedDelivery, DeliveryResult)[batch.Count];
        DeliveryResult? trouble = null;
        // Not cancelled by shutdown: a send already started is allowed to finish and be recorded.
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), new ParallelOptions { MaxDegreeOfParallelism = _options.ConcurrencyPerPlatform }, async (i, ct) =>
        {
            DeliveryResult result;
            if (Volatile.Read(ref trouble) is { } seen)
            {
                // The platform just failed us; the rest of the round waits for the next try instead of each failing again.
                results[i] = (batch[i], new DeliveryResult(DeliveryVerdict.Later, seen.StatusCode, "Not tried: " + seen.Error,
                    seen.RetryAfter ?? RetrySchedule.Delay(batch[i].Failures + 1, _options)));
                return;
            }
            try
            {
                result = await delivery.DeliverAsync(batch[i], platform, ct);
                if (result.PlatformTrouble) Volatile.Write(ref trouble, result);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(ex, batch[i].Id);
                result = new DeliveryResult(DeliveryVerdict.Retry, Error: "The tool failed while sending: " + ex.Message, AnswerUnknown: true);
            }
            results[i] = (batch[i], result);
        });
        return results;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Pausing score delivery to platform {PlatformId} for {Seconds:0.#} s.")]
    private partial void LogPlatformPaused(int platformId, double seconds);
}
