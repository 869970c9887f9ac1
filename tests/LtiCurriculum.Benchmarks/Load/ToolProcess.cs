using System.Diagnostics;
using System.Net;
using LtiCurriculum.Benchmarks.Processes;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>
/// The tool as a child process (<c>dotnet LtiCurriculum.Web.dll</c>, Production, SQLite in a temp folder), registered
/// with <see cref="FakePlatform"/> through environment variables. Disposing kills it (also on Ctrl+C and when the
/// load process exits) and deletes the temp folder.
/// </summary>
internal sealed class ToolProcess : IAsyncDisposable
{
    private const string DatabaseFileName = "load.db";

    public const string DllRelativePath = "src/LtiCurriculum.Web/bin/Release/net10.0/LtiCurriculum.Web.dll";

    private readonly ToolChild _child;
    private readonly DirectoryInfo _tempDir;

    private ToolProcess(ToolChild child, DirectoryInfo tempDir)
    {
        _child = child;
        _tempDir = tempDir;
    }

    public Uri BaseUrl => _child.Origin;
    public int Pid => _child.Pid;
    public bool HasExited => _child.HasExited;

    /// <summary>The tool's SQLite file (the dashboard command seeds it).</summary>
    public string DatabaseFile => Path.Combine(_tempDir.FullName, DatabaseFileName);

    /// <summary>The last lines the tool wrote, for the message when it fails.</summary>
    public string RecentOutput => _child.RecentOutput;

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
        var tempDir = Directory.CreateTempSubdirectory("lti-load-");
        var environment = new Dictionary<string, string>
        {
            ["Lti__Platforms__0__Issuer"] = FakePlatform.Issuer,
            ["Lti__Platforms__0__ClientId"] = FakePlatform.ClientId,
            ["Lti__Platforms__0__AuthorizationEndpoint"] = platform.AuthorizationEndpoint,
            ["Lti__Platforms__0__TokenEndpoint"] = platform.TokenEndpoint,
            ["Lti__Platforms__0__JwksUri"] = platform.JwksUri,
            ["Lti__Platforms__0__DeploymentIds__0"] = FakePlatform.DeploymentId,
        };
        foreach (var (name, value) in extraEnvironment)
        {
            environment[name] = value;
        }
        var child = ToolChild.Start(dll, "tool", ToolChild.FreeOrigin(), Path.Combine(tempDir.FullName, DatabaseFileName), environment);
        return new ToolProcess(child, tempDir);
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
        await _child.DisposeAsync();
        try
        {
            _tempDir.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not delete {_tempDir.FullName}: {ex.Message}");
        }
    }
}
