using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>What a test wants of the app it starts.</summary>
internal sealed record ToolSettings
{
    /// <summary>The SQLite file; null gives the instance its own temp folder, deleted with it.</summary>
    public string? DatabaseFile { get; init; }

    public string Environment { get; init; } = "Development";

    public bool DevPlatform { get; init; } = true;

    /// <summary>Registered as the app's TimeProvider when set.</summary>
    public FakeTimeProvider? Clock { get; init; }

    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>Runs last in Program.BuildApp's configure callback (log providers, telemetry exporters, HTTP handlers).</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }
}

/// <summary>
/// The real app (Program.BuildApp) on Kestrel at a free 127.0.0.1 port with a real SQLite file, started the
/// way Program.cs starts it: StartupTasks first, then the server.
/// </summary>
internal sealed class ToolInstance : IAsyncDisposable
{
    private readonly TempFolder? _ownFolder;

    private ToolInstance(WebApplication app, TempFolder? ownFolder, string databaseFile)
    {
        App = app;
        _ownFolder = ownFolder;
        DatabaseFile = databaseFile;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The errors this tool logged lately (see <see cref="ToolErrorLog"/>).</summary>
    public string RecentErrors => Services.GetService<ToolErrorLog>()?.Describe() ?? "(no error log)";

    public Uri BaseAddress { get; }

    /// <summary>The origin without a trailing slash (as the tool and the dev platform write it).</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public string DatabaseFile { get; }

    public string DevPlatformIssuer => Origin + "/dev-platform";

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery.TrimStart('/'));

    public TestBrowser NewBrowser() => new();

    /// <summary>Builds the app as Program.cs does, without starting anything (for configuration checks).</summary>
    public static WebApplication Build(ToolSettings settings, string databaseFile)
    {
        // The environment goes in as a command-line argument: setting builder.Environment.EnvironmentName inside the
        // configure callback changes IWebHostEnvironment only, while services (validators) read IHostEnvironment.
        // The test assembly is the entry assembly, so point the host at the Web project's static web assets manifest
        // (copied to the output folder) so wwwroot (logo, css) is served in Development as it is when run.
        var staticAssets = Path.Combine(AppContext.BaseDirectory, "LtiCurriculum.Web.staticwebassets.runtime.json");
        string[] args = File.Exists(staticAssets)
            ? ["--environment", settings.Environment, "--staticWebAssets", staticAssets]
            : ["--environment", settings.Environment];
        return Program.BuildApp(args, builder =>
        {
            builder.Configuration.AddInMemoryCollection(TestDatabase.Settings(databaseFile));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DevPlatform:Enabled"] = settings.DevPlatform ? "true" : "false",
            });
            builder.Configuration.AddInMemoryCollection(settings.Configuration);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            // TOOL_TEST_LOGS=1 shows the tool's own log (exceptions included) in the test output.
            if (System.Environment.GetEnvironmentVariable("TOOL_TEST_LOGS") != "1")
            {
                builder.Logging.ClearProviders();
            }
            var errors = new ToolErrorLog();
            builder.Logging.AddProvider(errors);
            builder.Services.AddSingleton(errors);
            if (settings.Clock is not null)
            {
                builder.Services.AddSingleton<TimeProvider>(settings.Clock);
            }
            settings.Configure?.Invoke(builder);
        });
    }

    public static async Task<ToolInstance> StartAsync(ToolSettings? settings = null)
    {
        settings ??= new ToolSettings();
        var ownFolder = settings.DatabaseFile is null ? new TempFolder() : null;
        var databaseFile = settings.DatabaseFile ?? ownFolder!.DatabaseFile;
        var app = Build(settings, databaseFile);
        try
        {
            await StartupTasks.RunAsync(app.Services, TestContext.Current.CancellationToken);
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            ownFolder?.Dispose();
            throw;
        }
        return new ToolInstance(app, ownFolder, databaseFile);
    }

    /// <summary>A query against the tool's database (a context of its own, disposed after).</summary>
    public async Task<T> QueryAsync<T>(Func<LtiDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        _ownFolder?.Dispose();
    }
}
