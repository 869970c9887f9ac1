using LtiCurriculum.Benchmarks.Processes;
using System.Diagnostics;
using System.Globalization;
using LtiCurriculum.Benchmarks.Load;

namespace LtiCurriculum.Benchmarks.Drain;

/// <summary>
/// `drain`: how fast the tool's grade outbox reaches the development platform over real HTTP, with SQLite, and
/// whether the tool's memory stays flat meanwhile. Two tool processes: the platform (the development platform, no
/// delivery) and the drainer (delivery on, the platform registered through Lti:Platforms). Exit code 0 when every
/// target is met, 1 when one is missed, 2 for a usage or setup problem.
/// </summary>
internal static class DrainCommand
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>No row changed state for this long while some are still pending: the run is stuck.</summary>
    public static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(string[] args)
    {
        var (options, error) = DrainOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        var dll = ToolProcess.FindDll(out var problem);
        if (dll is null)
        {
            Console.Error.WriteLine(problem);
            Console.Error.WriteLine("Build it first: dotnet build -c Release src/LtiCurriculum.Web");
            return 2;
        }

        // The first Ctrl+C or SIGTERM stops the run and cleans up; a second one ends the process at once (the tools are
        // still killed then, by ToolChild's exit hook).
        var temp = Directory.CreateTempSubdirectory("lti-drain-");
        try
        {
            return await Interrupts.RunAsync(cancellationToken => RunAsync(options, dll, temp.FullName, cancellationToken));
        }
        finally
        {
            try
            {
                temp.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"Could not delete {temp.FullName}: {ex.Message}");
            }
        }
    }

    private static async Task<int> RunAsync(DrainOptions options, string dll, string temp, CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var platformOrigin = ToolChild.FreeOrigin();
        var drainerOrigin = ToolChild.FreeOrigin();
        while (drainerOrigin == platformOrigin)
        {
            drainerOrigin = ToolChild.FreeOrigin();
        }
        var issuer = platformOrigin.AbsoluteUri.TrimEnd('/') + "/dev-platform";
        var lineItems = $"{issuer}/ags/{DrainSeed.CourseId}/lineitems";
        var drainerDb = Path.Combine(temp, "drainer.db");
        var platformDb = Path.Combine(temp, "platform.db");

        Dictionary<string, string> DrainerEnvironment(bool deliver)
        {
            var env = new Dictionary<string, string>
            {
                ["DevPlatform__Enabled"] = "false",
                ["Grades__DeliveryEnabled"] = deliver ? "true" : "false",
                ["Grades__BatchSize"] = options.Batch.ToString(c),
                ["Grades__ConcurrencyPerPlatform"] = options.Concurrency.ToString(c),
                ["Lti__Platforms__0__Issuer"] = issuer,
                ["Lti__Platforms__0__ClientId"] = DrainSeed.ClientId,
                ["Lti__Platforms__0__AuthorizationEndpoint"] = issuer + "/authorize",
                ["Lti__Platforms__0__TokenEndpoint"] = issuer + "/token",
                ["Lti__Platforms__0__JwksUri"] = issuer + "/jwks",
                ["Lti__Platforms__0__DeploymentIds__0"] = DrainSeed.DeploymentId,
            };
            foreach (var (name, value) in options.ToolEnvironment)
            {
                env[name] = value;
            }
            return env;
        }
        var platformEnvironment = new Dictionary<string, string>
        {
            ["DevPlatform__Enabled"] = "true",
            ["DevPlatform__ToolOrigin"] = drainerOrigin.AbsoluteUri.TrimEnd('/'),
            ["DevPlatform__GradebookStyle"] = "standard",
            ["Grades__DeliveryEnabled"] = "false",
        };

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        ToolChild? platform = null;
        ToolChild? drainer = null;
        try
        {
            // 1. The drainer once without delivery: it migrates its database and registers the platform.
            Console.WriteLine($"Preparing the drainer's database (temp folder {temp})…");
            var setup = ToolChild.Start(dll, "drainer", drainerOrigin, drainerDb, DrainerEnvironment(deliver: false));
            await using (setup)
            {
                if (!await ToolProcess.WaitReadyAsync(http, setup.Origin, () => !setup.HasExited, TimeSpan.FromSeconds(60), cancellationToken))
                {
                    return SetupFailed($"The drainer did not answer 200 on {setup.Origin}health/ready within 60 s.", setup);
                }
                if (!await setup.StopAsync(TimeSpan.FromSeconds(15)))
                {
                    Console.WriteLine("  The drainer did not stop within 15 s of SIGTERM; it was killed.");
                }
            }
            if (DrainSeed.FindPlatformId(drainerDb, issuer) is not { } platformId)
            {
                Console.Error.WriteLine($"The drainer did not register the platform {issuer} (client id {DrainSeed.ClientId}) from Lti:Platforms.");
                return 2;
            }

            // 2. The outbox, written straight into the file (not measured).
            Console.WriteLine(string.Create(c, $"Seeding {options.Scores:N0} scores for {options.Learners:N0} learners (platform id {platformId}, {lineItems})…"));
            var seedTime = DrainSeed.Write(drainerDb, platformId, lineItems, options.Learners, options.Scores);
            Console.WriteLine(string.Create(c, $"  seeded in {seedTime.TotalSeconds:F1} s"));

            // 3. The platform, then the drainer with delivery on; measured from the drainer's start.
            platform = ToolChild.Start(dll, "platform", platformOrigin, platformDb, platformEnvironment);
            if (!await ToolProcess.WaitReadyAsync(http, platform.Origin, () => !platform.HasExited, TimeSpan.FromSeconds(60), cancellationToken))
            {
                return SetupFailed($"The platform did not answer 200 on {platform.Origin}health/ready within 60 s.", platform);
            }
            Console.WriteLine($"Started the platform: pid {platform.Pid} at {issuer} (tool origin {drainerOrigin.AbsoluteUri.TrimEnd('/')})");

            using var outbox = new OutboxWatch(drainerDb, platformId);
            var platformBefore = ProcessMeter.Read(platform.Pid);
            var selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var machineBefore = ProcessMeter.ReadMachine();
            var started = Stopwatch.GetTimestamp();
            drainer = ToolChild.Start(dll, "drainer", drainerOrigin, drainerDb, DrainerEnvironment(deliver: true));
            Console.WriteLine($"Started the drainer: pid {drainer.Pid} at {drainer.Origin} (batch {options.Batch}, concurrency {options.Concurrency}){string.Concat(options.ToolEnvironment.Select(e => $" {e.Key}={e.Value}"))}");
            Console.WriteLine($"Draining (at most {options.Timeout.TotalSeconds:F0} s)…");
            var run = await WatchAsync(options, drainer, outbox, started, http, cancellationToken);
            var machineAfter = ProcessMeter.ReadMachine();
            var selfCpu = Process.GetCurrentProcess().TotalProcessorTime - selfBefore;
            var drainerEnd = drainer.HasExited ? (ProcessSample?)null : ProcessMeter.Read(drainer.Pid);
            var platformAfter = platform.HasExited ? (ProcessSample?)null : ProcessMeter.Read(platform.Pid);
            var (counters, countersProblem) = platform.HasExited
                ? (null, "the platform process exited")
                : await PlatformCounters.ReadAsync(http, issuer, cancellationToken);
            var stuck = run.Final is { } final && final.Delivered < options.Scores ? TryNotDelivered(outbox) : [];

            var passed = DrainReport.Print(new DrainResult(
                options, run, drainerEnd, platformBefore, platformAfter, selfCpu, (machineBefore, machineAfter), counters, countersProblem, stuck,
                drainer.Pid, platform.Pid, drainer.Warnings, drainer.Errors, platform.Warnings, platform.Errors), Console.Out);
            foreach (var process in new[] { drainer, platform }.Where(p => p.FirstProblems.Count > 0))
            {
                Console.WriteLine();
                Console.WriteLine($"First warnings and errors the {process.Name} logged:");
                foreach (var line in process.FirstProblems)
                {
                    Console.WriteLine("  " + line);
                }
            }
            if ((!passed || drainer.Errors > 0) && drainer.RecentOutput.Length > 0)
            {
                Console.WriteLine();
                Console.WriteLine($"Last lines the drainer wrote ({drainer.Warnings} warnings, {drainer.Errors} errors in all):");
                Console.WriteLine(drainer.RecentOutput);
            }
            if ((!passed || platform.Errors > 0) && platform.RecentOutput.Length > 0)
            {
                Console.WriteLine();
                Console.WriteLine($"Last lines the platform wrote ({platform.Warnings} warnings, {platform.Errors} errors in all):");
                Console.WriteLine(platform.RecentOutput);
            }
            return passed ? 0 : 1;
        }
        finally
        {
            if (drainer is not null)
            {
                await drainer.DisposeAsync();
            }
            if (platform is not null)
            {
                await platform.DisposeAsync();
            }
            // The pool would keep the database files open past the temp folder's deletion.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Polls the outbox and the drainer's CPU and RSS every <see cref="PollEvery"/> until no row is pending, or the run ends otherwise.</summary>
    private static async Task<DrainRun> WatchAsync(DrainOptions options, ToolChild drainer, OutboxWatch outbox, long started, HttpClient http, CancellationToken cancellationToken)
    {
        var samples = new List<DrainSample>();
        using var stopReadyCheck = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readyCheck = Task.Run(async () =>
            await ToolProcess.WaitReadyAsync(http, drainer.Origin, () => !drainer.HasExited, options.Timeout, stopReadyCheck.Token)
                ? Stopwatch.GetElapsedTime(started).TotalSeconds
                : (double?)null, stopReadyCheck.Token);
        var lastChange = 0.0;
        OutboxCounts? previous = null;
        var nextReport = 10.0;
        DrainEnd end;
        while (true)
        {
            await Task.Delay(PollEvery, cancellationToken);
            var counts = outbox.TryCount();
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            ProcessSample meter;
            try
            {
                meter = ProcessMeter.Read(drainer.Pid);
            }
            catch (IOException) when (drainer.HasExited)
            {
                meter = default;
            }
            if (drainer.HasExited)
            {
                end = DrainEnd.DrainerExited;
                break;
            }
            if (counts is { } now)
            {
                samples.Add(new DrainSample(seconds, now.Delivered, now.Pending, now.Other, meter.CpuMs, meter.RssKb));
                if (previous != now)
                {
                    lastChange = seconds;
                    previous = now;
                }
                if (now.Pending == 0)
                {
                    end = DrainEnd.Finished;
                    break;
                }
                if (seconds >= nextReport)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {seconds,5:F0} s  delivered {now.Delivered,9:N0}  pending {now.Pending,9:N0}  other {now.Other:N0}  drainer RSS {meter.RssKb / 1024.0:F0} MB"));
                    nextReport += 10;
                }
            }
            if (seconds - lastChange > StallAfter.TotalSeconds && readyCheck.IsCompletedSuccessfully)
            {
                end = DrainEnd.Stalled;
                break;
            }
            if (seconds > options.Timeout.TotalSeconds)
            {
                end = DrainEnd.TimedOut;
                break;
            }
        }
        // A drainer that never answered /health/ready has no ready time; its output says why.
        await stopReadyCheck.CancelAsync();
        double? readyAt = null;
        try
        {
            readyAt = await readyCheck;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        return new DrainRun(samples, end, readyAt, outbox.LastProblem);
    }

    private static IReadOnlyList<StuckRows> TryNotDelivered(OutboxWatch outbox)
    {
        try
        {
            return outbox.NotDelivered(8);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return [new StuckRows("(could not read)", null, ex.Message, 0)];
        }
    }

    private static int SetupFailed(string message, ToolChild process)
    {
        Console.Error.WriteLine(message);
        if (process.HasExited)
        {
            Console.Error.WriteLine($"It exited with code {process.ExitCode}.");
        }
        Console.Error.WriteLine(process.RecentOutput);
        return 2;
    }
}
