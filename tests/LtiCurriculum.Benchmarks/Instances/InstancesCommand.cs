using System.Diagnostics;
using System.Net;
using LtiCurriculum.Benchmarks.Load;
using LtiCurriculum.Benchmarks.Processes;

namespace LtiCurriculum.Benchmarks.Instances;

/// <summary>
/// `instances`: two tool processes on one fresh PostgreSQL database, every flow logging in on one and launching on the
/// other, every tenth flow replayed. Exit code 0 when every level has zero errors and zero replays accepted, 1 when
/// one misses, 2 for a usage or setup problem.
/// </summary>
internal static class InstancesCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (options, exitCode) = InstancesOptions.Parse(args);
        if (options is null)
        {
            return exitCode;
        }
        var dll = ToolProcess.FindDll(out var problem);
        if (dll is null)
        {
            Console.Error.WriteLine(problem);
            Console.Error.WriteLine("Build it first: dotnet build -c Release src/LtiCurriculum.Web");
            return 2;
        }
        try
        {
            // Ctrl+C or SIGTERM: both tools are killed and the database dropped on the way out.
            return await Interrupts.RunAsync(cancellationToken => RunAsync(options, dll, cancellationToken));
        }
        catch (Npgsql.NpgsqlException ex)
        {
            Console.Error.WriteLine($"PostgreSQL: {ex.Message}. Is it running (pg_ctlcluster 15 main start), and may the role in --postgres create databases?");
            return 2;
        }
    }

    private static async Task<int> RunAsync(InstancesOptions options, string dll, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(options.Server, cancellationToken);
        var (maxConnections, inUse) = await database.ConnectionsAsync(cancellationToken);
        Console.WriteLine($"Database {database.Name}: max_connections {maxConnections}, {inUse} client connections open now, pool cap {options.PoolSize} per tool.");
        if (inUse + 2 * options.PoolSize > maxConnections)
        {
            Console.WriteLine($"  Note: two full pools and the connections open now exceed max_connections; lower --pool-size if launches fail with 'too many clients'.");
        }

        await using var platform = await FakePlatform.StartAsync(0, cancellationToken);
        var level = options.Concurrency.Max();
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(level * 2, 64),
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        // A migrates the fresh database (as a deployment's `migrate` step would); B starts on the migrated one.
        await using var a = await StartAsync(dll, platform, database, options, migrate: true, http, cancellationToken);
        if (a is null)
        {
            return 2;
        }
        await using var b = await StartAsync(dll, platform, database, options, migrate: false, http, cancellationToken);
        if (b is null)
        {
            return 2;
        }
        bool BothAlive() => !a.HasExited && !b.HasExited;

        var users = LoadUsers.Create(options.Users);
        var client = new CrossFlowClient(http, platform);
        foreach (var (from, to) in new[] { (a, b), (b, a) })
        {
            var first = await client.RunAsync(from.BaseUrl, to.BaseUrl, users[1], replayTo: from.BaseUrl, cancellationToken);
            if (first.Flow.Error is not null || first.Replay != ReplayOutcome.Refused)
            {
                Console.Error.WriteLine($"The first crossing launch ({from.BaseUrl} → {to.BaseUrl}) failed: {first.Flow.Error ?? $"its replay was {first.Replay}"}.");
                Console.Error.WriteLine(to.RecentOutput);
                return 2;
            }
        }

        var phase = new CrossPhase(client, a.BaseUrl, b.BaseUrl, users, options.ReplayEvery, BothAlive);
        if (options.Warmup > TimeSpan.Zero)
        {
            // Both tools' tiered JIT keeps compiling for ~20 s after start (see README.md, load).
            Console.WriteLine($"Warm-up: {options.Warmup.TotalSeconds:F0} s at concurrency {level} (not measured)…");
            var warm = await phase.RunAsync(level, options.Warmup, options.MaxFlows, cancellationToken);
            Console.WriteLine($"  {warm.Flows.Flows} flows, {warm.Flows.ErrorCount} errors{(warm.Flows.ErrorCount > 0 ? $" (first: {warm.Flows.Errors.Keys.First()})" : "")}, {warm.ReplaysAccepted} replays accepted");
        }

        var passed = true;
        foreach (var concurrency in options.Concurrency)
        {
            Console.WriteLine($"Measuring: {options.Duration.TotalSeconds:F0} s at concurrency {concurrency}…");
            var before = Sample(a, b, database);
            var run = await phase.RunAsync(concurrency, options.Duration, options.MaxFlows, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (!BothAlive())
            {
                Console.Error.WriteLine("A tool process exited during the run.");
                Console.Error.WriteLine(a.HasExited ? a.RecentOutput : b.RecentOutput);
                return 1;
            }
            var after = Sample(a, b, database);
            var ok = InstancesReport.Print(concurrency, run, before, after, Console.Out);
            if (!ok)
            {
                Console.WriteLine("Last lines the tools wrote:");
                Console.WriteLine(a.RecentOutput);
                Console.WriteLine(b.RecentOutput);
            }
            passed &= ok;
        }
        return passed ? 0 : 1;
    }

    private static InstancesSample Sample(ToolProcess a, ToolProcess b, BenchDatabase database) => new(
        ProcessMeter.Read(a.Pid), ProcessMeter.Read(b.Pid), PostgresMeter.Read(database.Name),
        Process.GetCurrentProcess().TotalProcessorTime, ProcessMeter.ReadMachine());

    /// <summary>A tool process on the bench database, once it answers /health/ready; null (and why, printed) when it does not within 60 s.</summary>
    private static async Task<ToolProcess?> StartAsync(string dll, FakePlatform platform, BenchDatabase database, InstancesOptions options, bool migrate, HttpClient http, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(options.ToolEnvironment)
        {
            ["Database__Provider"] = "PostgreSQL",
            ["Database__MigrateAtStart"] = migrate ? "true" : "false",
            ["ConnectionStrings__Default"] = database.ConnectionString(options.PoolSize),
        };
        var tool = ToolProcess.Start(dll, platform, environment);
        Console.WriteLine($"Started tool {(migrate ? "A (migrates the database)" : "B")}: pid {tool.Pid} at {tool.BaseUrl}");
        if (await ToolProcess.WaitReadyAsync(http, tool.BaseUrl, () => !tool.HasExited, TimeSpan.FromSeconds(60), cancellationToken))
        {
            return tool;
        }
        Console.Error.WriteLine($"The tool did not answer 200 on {tool.BaseUrl}health/ready within 60 s.");
        Console.Error.WriteLine(tool.RecentOutput);
        await tool.DisposeAsync();
        return null;
    }
}
