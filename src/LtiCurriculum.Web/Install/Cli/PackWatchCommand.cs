using System.CommandLine;
using LtiCurriculum.Web.Authoring;
using LtiCurriculum.Web.Hosting;
using LtiCurriculum.Web.Learn;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary>
/// <c>packs watch FOLDER</c>: runs the tool as <c>dotnet run</c> does (Development: SQLite, the development platform on)
/// serving FOLDER's packs, reloads them on every save and prints each reload's result until Ctrl+C.
/// </summary>
public static class PackWatchCommand
{
    public static Command Create(CliOptions o, CliContext cli)
    {
        var watch = new Command("watch", "Run the tool in Development serving FOLDER's packs, reload them on every save, and print each reload's problems as file:line: message (Ctrl+C stops).") { o.Folder };
        watch.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(o.Folder), cli.Output, cli.Errors, cancellationToken));
        return watch;
    }

    public static async Task<int> RunAsync(string? folder, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var full = string.IsNullOrWhiteSpace(folder) ? null : Path.GetFullPath(folder);
        if (full is null || !Directory.Exists(full))
        {
            errors.WriteLine($"'{folder}' is not a folder. Say which pack folder to watch: packs watch FOLDER (a pack with pack.yaml, or a folder of packs; 'packs new NAME' makes one).");
            return ExitCodes.Usage;
        }
        var settings = new Dictionary<string, string?>
        {
            [LearnServiceCollectionExtensions.PackFolderSetting] = full,
            [PackWatchServiceCollectionExtensions.WatchSetting] = "true",
            ["DevPlatform:Enabled"] = "true",
        };
        // Warnings and worse only: the console is for this command's own lines (the URL, each reload's result).
        await using var app = Program.BuildApp(["--environment", "Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await StartupTasks.RunAsync(app.Services, cancellationToken);
        var watcher = app.Services.GetRequiredService<PackWatcher>();
        watcher.Reloaded += report => Print(report, output);
        await app.StartAsync(cancellationToken);
        foreach (var address in app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses)
        {
            output.WriteLine($"Open {address.TrimEnd('/')}/dev-platform and launch a module under \"Packs being watched\".");
        }
        output.WriteLine($"Watching {full}; save a file to reload, Ctrl+C to stop.");
        Print(watcher.Last, output);
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Done;
    }

    private static void Print(PackReloadReport report, TextWriter output)
    {
        foreach (var line in report.Lines)
        {
            output.WriteLine(line);
        }
    }
}
