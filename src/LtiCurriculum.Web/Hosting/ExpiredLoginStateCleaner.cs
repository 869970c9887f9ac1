using LtiCurriculum.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Hosting;

/// <summary>Deletes login states whose launch never came (abandoned or refused logins), every few minutes.</summary>
internal sealed partial class ExpiredLoginStateCleaner(IDbContextFactory<LtiDbContext> contexts, TimeProvider time, ILogger<ExpiredLoginStateCleaner> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CleanOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCleanFailed(logger, ex);
            }
        }
    }

    public async Task<int> CleanOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var now = time.GetUtcNow();
        var removed = await db.LoginStates.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        // Deep-linking choices an instructor never finished.
        removed += await db.DeepLinkingRequests.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            LogCleaned(logger, removed);
        }
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired login states")]
    private static partial void LogCleaned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleaning expired login states failed; will try again")]
    private static partial void LogCleanFailed(ILogger logger, Exception exception);
}
