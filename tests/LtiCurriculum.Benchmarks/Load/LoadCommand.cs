using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>
/// `load`: plays the platform and N browsers against a real tool process and measures the tool's CPU per flow,
/// peak memory and latency. Exit code 0 when every target is met, 1 when one is missed, 2 for a usage or setup problem.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args, bool learn = false)
    {
        var (options, error) = LoadOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }

        string? dll = null;
        if (options.ToolUrl is null)
        {
            dll = ToolProcess.FindDll(out var problem);
            if (dll is null)
            {
                Console.Error.WriteLine(problem);
                Console.Error.WriteLine("Build it first: dotnet build -c Release src/LtiCurriculum.Web");
                return 2;
            }
        }

        // The first Ctrl+C (SIGINT) or SIGTERM stops the loops and cleans up; a second one ends the process at once
        // (the tool is still killed then, by ToolProcess's exit hook).
        return await Processes.Interrupts.RunAsync(token => RunAsync(options, dll, learn, token));
    }

    /// <summary>
    /// One flow that must succeed before the load starts, retried for up to 45 s: every run publishes a new platform
    /// key, and a tool that fetched an earlier run's key set refetches on an unknown kid at most every 30 s
    /// (Lti:JwksRefetchInterval). Returns null when a flow succeeded, else the last error.
    /// </summary>
    private static async Task<string?> FirstFlowAsync(FlowClient client, LoadUser user, Func<bool> alive, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + 45 * Stopwatch.Frequency;
        string? error;
        var announced = false;
        while (true)
        {
            try
            {
                error = (await client.RunAsync(user, cancellationToken)).Error;
            }
            catch (HttpRequestException ex)
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
            }
            if (error is null || Stopwatch.GetTimestamp() > until || !alive())
            {
                return error;
            }
            if (!announced)
            {
                Console.WriteLine($"  First launch failed ({error}); retrying for up to 45 s (a tool that knows an earlier run's key refetches keys at most every 30 s)…");
                announced = true;
            }
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    private static async Task<int> RunAsync(LoadOptions options, string? dll, bool learn, CancellationToken cancellationToken)
    {
        await using var platform = await FakePlatform.StartAsync(options.PlatformPort, cancellationToken);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(options.Concurrency * 2, 64),
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        ToolProcess? tool = null;
        try
        {
            Uri toolUrl;
            int pid;
            if (dll is not null)
            {
                tool = ToolProcess.Start(dll, platform, options.ToolEnvironment);
                toolUrl = tool.BaseUrl;
                pid = tool.Pid;
                Console.WriteLine($"Started the tool: pid {pid} at {toolUrl} (platform JWKS at {platform.JwksUri}){string.Concat(options.ToolEnvironment.Select(e => $" {e.Key}={e.Value}"))}");
            }
            else
            {
                toolUrl = options.ToolUrl!;
                pid = options.ToolPid!.Value;
                Console.WriteLine($"Measuring the running tool pid {pid} at {toolUrl}; it must have issuer {FakePlatform.Issuer}, client id {FakePlatform.ClientId}, deployment {FakePlatform.DeploymentId} and JWKS {platform.JwksUri} registered.");
            }
            if (!ProcessMeter.CanRead(pid))
            {
                Console.Error.WriteLine($"Cannot read /proc/{pid}/stat: is pid {pid} a running process on this Linux machine?");
                return 2;
            }

            bool Alive() => tool is null ? ProcessMeter.CanRead(pid) : !tool.HasExited;
            if (!await ToolProcess.WaitReadyAsync(http, toolUrl, Alive, TimeSpan.FromSeconds(60), cancellationToken))
            {
                Console.Error.WriteLine($"The tool did not answer 200 on {toolUrl}health/ready within 60 s.");
                if (tool is not null)
                {
                    Console.Error.WriteLine(tool.RecentOutput);
                }
                return 2;
            }

            var users = LoadUsers.Create(options.Users, options.Courses, options.Links);
            var client = new FlowClient(http, toolUrl, platform);
            if (await FirstFlowAsync(client, users[0], Alive, cancellationToken) is { } firstError)
            {
                Console.Error.WriteLine($"No launch succeeded within 45 s; the last attempt: {firstError}.");
                Console.Error.WriteLine(tool is not null ? tool.RecentOutput : "Is the load platform registered in the tool? See tests/LtiCurriculum.Benchmarks/README.md, \"Measuring a running tool\".");
                return 2;
            }
            if (learn)
            {
                return await RunLearnAsync(options, http, toolUrl, client, users, pid, tool, cancellationToken);
            }
            var phase = new LoadPhase(client, PickUsers(options, users), options.Concurrency, Alive);

            if (options.Warmup > TimeSpan.Zero)
            {
                Console.WriteLine($"Warm-up: {options.Warmup.TotalSeconds:F0} s at concurrency {options.Concurrency} (not measured)…");
                var warm = await phase.RunAsync(options.Warmup, options.MaxFlows, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                Console.WriteLine($"  {warm.Flows} flows, {warm.ErrorCount} errors{(warm.ErrorCount > 0 ? $" (first: {warm.Errors.Keys.First()})" : "")}");
            }

            if (tool is not null && options.Warmup < TimeSpan.FromSeconds(15))
            {
                // Measured: with 5 s of warm-up the tool's CPU per flow reads ~1.8× its steady state.
                Console.WriteLine("  Note: the freshly started tool's tiered JIT keeps compiling for ~20 s; for steady-state CPU per flow use --warmup 20.");
            }
            Console.WriteLine($"Measuring: {options.Duration.TotalSeconds:F0} s at concurrency {options.Concurrency}…");
            var toolBefore = ProcessMeter.Read(pid);
            var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var machineBefore = ProcessMeter.ReadMachine();
            var run = await phase.RunAsync(options.Duration, options.MaxFlows, cancellationToken);
            var machineAfter = ProcessMeter.ReadMachine();
            cancellationToken.ThrowIfCancellationRequested();
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientBefore;
            if (!Alive())
            {
                Console.Error.WriteLine("The tool process exited during the run.");
                if (tool is not null)
                {
                    Console.Error.WriteLine(tool.RecentOutput);
                }
                return 1;
            }
            var toolAfter = ProcessMeter.Read(pid);

            var passed = LoadReport.Print(options, pid, run, toolBefore, toolAfter, clientCpu, (machineBefore, machineAfter), Console.Out);
            if (tool is not null && run.ErrorCount > 0 && tool.RecentOutput.Length > 0)
            {
                Console.WriteLine("Last lines the tool wrote:");
                Console.WriteLine(tool.RecentOutput);
            }
            return passed ? 0 : 1;
        }
        finally
        {
            if (tool is not null)
            {
                await tool.DisposeAsync();
            }
        }
    }

    /// <summary>A random user of the pool, or with --new-users a user never seen before (numbered across warm-up and measured phase).</summary>
    private static Func<Random, LoadUser> PickUsers(LoadOptions options, LoadUser[] pool)
    {
        if (!options.NewUsers)
        {
            return random => pool[random.Next(pool.Length)];
        }
        var runTag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        long count = 0;
        return random => LoadUsers.New(runTag, Interlocked.Increment(ref count), random, options.Courses, options.Links);
    }

    /// <summary>The learn scenario: launch every learner once, then page loads and answer saves (see <see cref="LearnScenario"/>).</summary>
    private static async Task<int> RunLearnAsync(LoadOptions options, HttpClient http, Uri toolUrl, FlowClient client, LoadUser[] users, int pid, ToolProcess? tool, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Launching {users.Count(u => u.Role != LtiCurriculum.DevPlatform.LtiRoles.Instructor)} learners once (not measured)…");
        var sessions = await LearnScenario.SetUpAsync(client, users, cancellationToken);
        if (options.Warmup > TimeSpan.Zero)
        {
            Console.WriteLine($"Warm-up: {options.Warmup.TotalSeconds:F0} s at concurrency {options.Concurrency} (not measured)…");
            var warm = await LearnScenario.RunAsync(http, toolUrl, sessions, options.Concurrency, options.Warmup, options.MaxFlows, options.Mix, cancellationToken);
            Console.WriteLine($"  {warm.Operations} operations, {warm.ErrorCount} errors");
        }
        Console.WriteLine($"Measuring: {options.Duration.TotalSeconds:F0} s at concurrency {options.Concurrency}…");
        var before = ProcessMeter.Read(pid);
        var run = await LearnScenario.RunAsync(http, toolUrl, sessions, options.Concurrency, options.Duration, options.MaxFlows, options.Mix, cancellationToken);
        var after = ProcessMeter.Read(pid);
        var passed = LearnScenario.Print(run, options.Concurrency, before, after, Console.Out);
        if (!passed && tool is not null && tool.RecentOutput.Length > 0)
        {
            Console.WriteLine(tool.RecentOutput);
        }
        return passed ? 0 : 1;
    }
}
