using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>
/// The tool as a child process (<c>dotnet LtiCurriculum.Web.dll</c>, Production, SQLite in a temp folder), registered
/// with <see cref="FakePlatform"/> through environment variables. Disposing kills it (also on Ctrl+C and when the
/// load process exits) and deletes the temp folder.
/// </summary>
internal sealed class ToolProcess : IAsyncDisposable
{
    public const string DllRelativePath = "src/LtiCurriculum.Web/bin/Release/net10.0/LtiCurriculum.Web.dll";

    private readonly Process _process;
    private readonly DirectoryInfo _tempDir;
    private readonly ConcurrentQueue<string> _output = new();

    private ToolProcess(Process process, DirectoryInfo tempDir, Uri baseUrl)
    {
        _process = process;
        _tempDir = tempDir;
        BaseUrl = baseUrl;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public Uri BaseUrl { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the tool wrote, for the message when it fails.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>The built tool, found from the solution folder above the current directory (or this program); null and the reason when it is not there.</summary>
    public static string? FindDll(out string problem)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LtiCurriculum.sln")))
                {
                    var dll = Path.Combine(dir.FullName, DllRelativePath);
                    problem = $"The tool is not built: {dll} does not exist.";
                    return File.Exists(dll) ? dll : null;
                }
            }
        }
        problem = $"LtiCurriculum.sln is not in {Directory.GetCurrentDirectory()} or any folder above it: run this from inside the repository.";
        return null;
    }

    public static ToolProcess Start(string dll, FakePlatform platform, IReadOnlyDictionary<string, string> extraEnvironment)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var tempDir = Directory.CreateTempSubdirectory("lti-load-");
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
        env["ASPNETCORE_URLS"] = baseUrl.AbsoluteUri.TrimEnd('/');
        env["ConnectionStrings__Default"] = $"Data Source={Path.Combine(tempDir.FullName, "load.db")}";
        env["Lti__Platforms__0__Issuer"] = FakePlatform.Issuer;
        env["Lti__Platforms__0__ClientId"] = FakePlatform.ClientId;
        env["Lti__Platforms__0__AuthorizationEndpoint"] = platform.AuthorizationEndpoint;
        env["Lti__Platforms__0__TokenEndpoint"] = platform.TokenEndpoint;
        env["Lti__Platforms__0__JwksUri"] = platform.JwksUri;
        env["Lti__Platforms__0__DeploymentIds__0"] = FakePlatform.DeploymentId;
        env["Tool__PublicBaseUrl"] = baseUrl.AbsoluteUri.TrimEnd('/');
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in extraEnvironment)
        {
            env[name] = value;
        }

        var process = new Process { StartInfo = start };
        var tool = new ToolProcess(process, tempDir, baseUrl);
        process.OutputDataReceived += (_, e) => tool.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => tool.Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Polls /health/ready until 200; false when the process dies or the timeout passes.</summary>
    public static async Task<bool> WaitReadyAsync(HttpClient http, Uri baseUrl, Func<bool> alive, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until && alive())
        {
            try
            {
                using var response = await http.GetAsync(new Uri(baseUrl, "health/ready"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, cancellationToken);
        }
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
                Console.Error.WriteLine($"The tool (pid {Pid}) did not exit within 10 s of being killed.");
            }
        }
        _process.Dispose();
        try
        {
            _tempDir.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not delete {_tempDir.FullName}: {ex.Message}");
        }
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
        _output.Enqueue(line);
        while (_output.Count > 40 && _output.TryDequeue(out _))
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
