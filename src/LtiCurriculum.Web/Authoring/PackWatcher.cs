using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Learn;

namespace LtiCurriculum.Web.Authoring;

/// <summary>
/// Watch mode (Development only): reloads the packs when a <c>*.md</c> or <c>*.yaml</c> file under
/// <c>Curriculum:PackFolder</c> changes, once the saves have paused for <see cref="Quiet"/> (an editor's save is
/// several events). The catalogue is replaced whole; a pack whose new files have problems keeps its working version.
/// </summary>
public sealed partial class PackWatcher(
    ContentCatalogue catalogue, Packs.PackLibrary library, IConfiguration configuration, IHostEnvironment environment, TimeProvider time, ILogger<PackWatcher> logger)
    : IHostedService, IDisposable
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;
    private TaskCompletionSource<PackReloadReport> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PackReloadReport? _last;

    /// <summary>Raised after every reload, on a timer thread (the <c>packs watch</c> command prints it).</summary>
    public event Action<PackReloadReport>? Reloaded;

    public string Folder => LearnServiceCollectionExtensions.PackSources(configuration, environment).Single(s => !s.IsBuiltIn).Folder;

    /// <summary>The latest reload's report; before the first, the state loaded at start.</summary>
    public PackReloadReport Last => _last ?? PackReloadReport.Of(catalogue, 0);

    /// <summary>Completes with the next reload's report: what tests and tools wait on instead of a fixed delay.</summary>
    public Task<PackReloadReport> NextReload
    {
        get
        {
            lock (_gate)
            {
                return _next.Task;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Filters.Add("*.md");
        _watcher.Filters.Add("*.yaml");
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.Error += (_, e) => LogWatchError(e.GetException());
        _watcher.EnableRaisingEvents = true;
        LogWatching(Folder);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
        }
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    /// <summary>Loads the folder again now and replaces the catalogue (the file watcher calls it after the quiet time).</summary>
    public PackReloadReport Reload()
    {
        PackReloadReport report;
        TaskCompletionSource<PackReloadReport> done;
        lock (_gate)
        {
            try
            {
                library.ReloadFolders();
                report = PackReloadReport.Of(catalogue, (_last?.Number ?? 0) + 1);
            }
            catch (ConfigurationException ex)
            {
                // The watched folder itself went away; keep serving what was loaded.
                report = new PackReloadReport((_last?.Number ?? 0) + 1, [ex.Message], [ex.Message]);
            }
            _last = report;
            done = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        foreach (var line in report.Lines)
        {
            LogReloadLine(line);
        }
        Reloaded?.Invoke(report);
        done.SetResult(report);
        return report;
    }

    private void OnChange(object sender, FileSystemEventArgs e) => _timer?.Change(Quiet, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Folder} for pack changes (*.md, *.yaml).")]
    private partial void LogWatching(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pack reload: {Line}")]
    private partial void LogReloadLine(string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pack folder watcher failed; save again, or restart watch mode.")]
    private partial void LogWatchError(Exception ex);
}
