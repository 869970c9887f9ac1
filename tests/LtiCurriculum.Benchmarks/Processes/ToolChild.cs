using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace LtiCurriculum.Benchmarks.Processes;

/// <summary>
/// The tool as a child process (<c>dotnet LtiCurriculum.Web.dll</c>, Production) on a port chosen up front, with the
/// environment the caller gives; used by the load and drain commands. Its output is kept (the last lines, and how many warnings and errors it
/// logged). Disposing kills it; it is also killed when this process exits (Ctrl+C, SIGTERM, an exception).
/// The caller owns the temp folder with its database.
/// </summary>
internal sealed class ToolChild : IAsyncDisposable
{
    private const int KeptLines = 200;
    private const int KeptProblemLines = 12;
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _firstProblems = new();
    private bool _nextIsProblemMessage;
    private int _warnings;
    private int _errors;

    private ToolChild(Process process, string name, Uri origin)
    {
        _process = process;
        Name = name;
        Origin = origin;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>"tool", "drainer" or "platform", for messages.</summary>
    public string Name { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri Origin { get; }

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Lines starting with <c>warn:</c> and <c>fail:</c>/<c>crit:</c> (the console logger's prefixes).</summary>
    public int Warnings => Volatile.Read(ref _warnings);
    public int Errors => Volatile.Read(ref _errors);

    /// <summary>The first warnings and errors it logged (the category line and the message line after it).</summary>
    public IReadOnlyCollection<string> FirstProblems => _firstProblems;

    /// <summary>The last lines the process wrote.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>A free loopback origin, chosen before a process starts so the other one can be told about it.</summary>
    public static Uri FreeOrigin()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    }

    public static ToolChild Start(string dll, string name, Uri origin, string databaseFile, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = origin.AbsoluteUri.TrimEnd('/');
        env["ConnectionStrings__Default"] = $"Data Source={databaseFile}";
        env["Tool__PublicBaseUrl"] = origin.AbsoluteUri.TrimEnd('/');
        env["Logging__LogLevel__Default"] = "Warning";
        // Every simulated user comes from 127.0.0.1: the per-address limits would measure the limiter, not the tool.
        env["RateLimits__Enabled"] = "false";
        foreach (var (key, value) in environment)
        {
            env[key] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ToolChild(process, name, origin);
        process.OutputDataReceived += (_, e) => child.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => child.Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// SIGTERM, so the host shuts down cleanly (SQLite checkpoints its WAL); killed when it has not exited within
    /// <paramref name="grace"/>. True when it stopped by itself.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return true;
        }
        if (SendSignal(_process.Id, SigTerm) == 0)
        {
            using var wait = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
            }
        }
        Kill();
        await _process.WaitForExitAsync(CancellationToken.None);
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Kill();
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"The {Name} (pid {Pid}) did not exit within 10 s of being killed.");
            }
            catch (InvalidOperationException)
            {
                // Never started.
            }
        }
        _process.Dispose();
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        // Output and error lines arrive on two threads; the counts and the first problems are good enough for a report.
        var problem = false;
        if (line.StartsWith("warn:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _warnings);
            problem = true;
        }
        else if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errors);
            problem = true;
        }
        if ((problem || _nextIsProblemMessage) && _firstProblems.Count < KeptProblemLines)
        {
            _firstProblems.Enqueue(line);
        }
        _nextIsProblemMessage = problem;
        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
