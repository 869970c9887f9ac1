using LtiCurriculum.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Browser.Tests.Support;

/// <summary>
/// The real app (Program.BuildApp) on Kestrel at a free 127.0.0.1 port, with its own SQLite file and the development
/// platform, started the way Program.cs starts it: StartupTasks first, then the server.
/// </summary>
internal sealed class ToolServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private ToolServer(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Origin = address.TrimEnd('/');
    }

    /// <summary>Scheme, host and port, no trailing slash.</summary>
    public string Origin { get; }

    public string Url(string pathAndQuery) => Origin + "/" + pathAndQuery.TrimStart('/');

    /// <summary>The same server under the name localhost: another site than <see cref="Origin"/> for the browser.</summary>
    public string PlatformOrigin => Origin.Replace("://127.0.0.1:", "://localhost:", StringComparison.Ordinal);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="crossSite">
    /// Whether the development platform should be opened at http://localhost:port (see <see cref="PlatformOrigin"/>) while
    /// the tool stays at http://127.0.0.1:port: two sites for the browser, so the tool's frame is third-party.
    /// </param>
    public static async Task<ToolServer> StartAsync(CancellationToken cancellationToken, bool crossSite = false)
    {
        var folder = Directory.CreateTempSubdirectory("lticurriculum-browser-tests-").FullName;
        var databaseFile = Path.Combine(folder, "tool.db");
        // The test assembly is the entry assembly, so the host would look for "LtiCurriculum.Browser.Tests.staticwebassets…";
        // point it at the Web project's manifest (copied to the output folder) so /css and /js are served as in development.
        var staticAssets = Path.Combine(AppContext.BaseDirectory, "LtiCurriculum.Web.staticwebassets.runtime.json");
        var args = new List<string> { "--environment", "Development" };
        if (File.Exists(staticAssets))
        {
            args.AddRange(["--staticWebAssets", staticAssets]);
        }
        var app = Program.BuildApp([.. args], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = $"Data Source={databaseFile}",
                ["DevPlatform:Enabled"] = "true",
                // Dynamic registration fetches the development platform's configuration over loopback http.
                ["Registration:AllowInsecureLoopback"] = "true",
            });
            var port = crossSite ? FreePort() : 0;
            if (crossSite)
            {
                builder.Configuration["DevPlatform:ToolOrigin"] = $"http://127.0.0.1:{port}";
            }
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            // TOOL_TEST_LOGS=1 shows the tool's own log in the test output.
            if (Environment.GetEnvironmentVariable("TOOL_TEST_LOGS") != "1")
            {
                builder.Logging.ClearProviders();
            }
        });
        try
        {
            await StartupTasks.RunAsync(app.Services, cancellationToken);
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            DeleteFolder(folder);
            throw;
        }
        return new ToolServer(app, folder);
    }

    public async ValueTask DisposeAsync()
    {
        // Stopping is bounded by the host's ShutdownTimeout; disposing is bounded here.
        await _app.StopAsync(CancellationToken.None);
        await BrowserLimits.CloseAsync(() => _app.DisposeAsync().AsTask(), "The tool");
        DeleteFolder(_folder);
    }

    private static void DeleteFolder(string folder)
    {
        // Pooled SQLite connections keep the file open; close them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The OS temp folder is cleaned eventually.
        }
    }
}
