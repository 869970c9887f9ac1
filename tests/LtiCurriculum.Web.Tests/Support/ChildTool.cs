using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>
/// The tool as its own process (<c>dotnet LtiCurriculum.Web.dll</c> from this test's output folder) on a SQLite file
/// a test shares, so a test can kill it without warning, the way a crash or a deploy does.
/// </summary>
internal sealed class ChildTool : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildTool(Process process, string origin)
    {
        _process = process;
        Origin = origin;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Origin { get; }

    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>The last 200 lines the process wrote (stdout and stderr), oldest first.</summary>
    public IReadOnlyList<string> RecentLines => [.. _output];

    public static async Task<ChildTool> StartAsync(string databaseFile, IReadOnlyDictionary<string, string?> configuration, string environment = "Development")
    {
        var port = FreePort();
        var origin = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LtiCurriculum.Web.dll"), "--urls", origin, "--environment", environment])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in TestDatabase.Settings(databaseFile).Concat(configuration))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var child = new ChildTool(Process.Start(start)!, origin);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            if (child._process.HasExited)
            {
                throw new InvalidOperationException($"The tool process exited with {child._process.ExitCode}:{Environment.NewLine}{child.RecentOutput}");
            }
            try
            {
                if ((await http.GetAsync($"{origin}/health/ready", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return child;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        child.Dispose();
        throw new TimeoutException($"The tool process did not become ready in 30 s:{Environment.NewLine}{child.RecentOutput}");
    }

    /// <summary>Ends the process at once: no shutdown, no finishing of in-flight work.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
