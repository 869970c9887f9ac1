using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Grades;

/// <summary>
/// Keeps the outbox from growing forever: delivered and superseded scores older than <c>Grades:KeepHistory</c> are
/// deleted, except each learner's latest score in each link (the instructor's page shows it). Runs every few hours.
/// </summary>
internal sealed partial class GradeHistoryCleaner(
    IDbContextFactory<LtiDbContext> contexts, WriteTransactions writes, TimeProvider time, IOptions<GradeOptions> options, ILogger<GradeHistoryCleaner> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

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
        var cutoff = time.GetUtcNow() - options.Value.KeepHistory;
        await using var db = contexts.CreateDbContext();
        int removed;
        using (await writes.EnterSqliteWriterAsync(cancellationToken))
        {
            removed = await db.GradeDeliveries
                .Where(d => (d.Status == GradeDeliveryStatus.Delivered || d.Status == GradeDeliveryStatus.Superseded) && d.CreatedAt < cutoff)
                .Where(d => db.GradeDeliveries.Any(newer => newer.ResourceLinkDbId == d.ResourceLinkDbId && newer.UserDbId == d.UserDbId && newer.Id > d.Id))
                .ExecuteDeleteAsync(cancellationToken);
        }
        if (removed > 0)
        {
            LogCleaned(logger, removed);
        }
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} delivered scores older than Grades:KeepHistory")]
    private static partial void LogCleaned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleaning old delivered scores failed; will try again")]
    private static partial void LogCleanFailed(ILogger logger, Exception exception);
}
