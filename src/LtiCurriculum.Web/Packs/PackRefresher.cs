namespace LtiCurriculum.Web.Packs;

/// <summary>
/// Reads the database's pack decisions every <see cref="Interval"/>, so an upload or a disable on one instance reaches
/// every other instance behind the load balancer. A failed read keeps serving what was served and tries again next time.
/// </summary>
public sealed partial class PackRefresher(PackLibrary library, TimeProvider time, ILogger<PackRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await library.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the content packs from the database failed; still serving the packs read before.")]
    private partial void LogRefreshFailed(Exception ex);
}
