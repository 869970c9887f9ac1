using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LtiCurriculum.Benchmarks.Instances;

/// <summary>The instances command's options; every phase is bounded by its time and <see cref="MaxFlows"/>.</summary>
internal sealed record InstancesOptions
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=lticurriculum_test;Password=lticurriculum_test;Timeout=5";

    /// <summary>Each level is measured in turn on the same two processes (the issue asks for 64 and 32).</summary>
    public required IReadOnlyList<int> Concurrency { get; init; }
    public required TimeSpan Duration { get; init; }
    public required TimeSpan Warmup { get; init; }
    public required int Users { get; init; }
    public required long MaxFlows { get; init; }
    public required int ReplayEvery { get; init; }
    public required string Server { get; init; }
    public required int PoolSize { get; init; }
    public required IReadOnlyDictionary<string, string> ToolEnvironment { get; init; }

    /// <summary>The options, or the text to print instead (errors, or the help when asked) and the exit code.</summary>
    public static (InstancesOptions? Options, int ExitCode) Parse(string[] args)
    {
        var concurrency = new Option<int[]>("--concurrency")
        {
            Description = "Concurrent flows; a comma-separated list is measured level by level on the same two processes.",
            HelpName = "N[,N…]",
            DefaultValueFactory = _ => [64, 32],
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                var levels = text.Split(',').Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
                if (levels.Any(l => l is < 1 or > 1024))
                {
                    result.AddError($"--concurrency takes one level or a comma-separated list, each 1 to 1024 (for example 64,32), not '{text}'.");
                }
                return levels;
            },
        };
        var duration = Number("--duration", 60, 1, 3600, "Seconds measured at each concurrency level.");
        var warmup = Number("--warmup", 20, 0, 600, "Seconds of flows before the first level, not measured (the tools' tiered JIT settles in about 20 s).");
        var users = Number("--users", 200, 1, 1_000_000, "Simulated people, over 4 courses and 8 links; one in ten teaches.");
        var maxFlows = Number("--max-flows", 2_000_000, 1, 100_000_000, "A cap on the flows of each phase.");
        var replayEvery = Number("--replay-every", 10, 1, 1_000_000, "Every N-th flow replays its id_token and state once its launch succeeded.");
        var poolSize = Number("--pool-size", 40, 2, 1000, "Npgsql's pool cap in each tool process: two full pools must fit in the server's max_connections.");
        // No default value in the help: a connection string may hold a password.
        var server = new Option<string?>("--postgres")
        {
            Description = "The server, as an Npgsql connection string for a role that may create databases (default: LTI_TEST_POSTGRES, else the test role on 127.0.0.1:5432).",
            HelpName = "CONNECTION",
        };
        var toolEnv = new Option<string[]>("--tool-env")
        {
            Description = "Extra environment for both tool processes; repeatable (for example DOTNET_gcServer=0).",
            HelpName = "NAME=VALUE",
        };
        toolEnv.Validators.Add(result =>
        {
            foreach (var bad in (result.GetValueOrDefault<string[]>() ?? []).Where(e => e.IndexOf('=') <= 0))
            {
                result.AddError($"--tool-env wants NAME=VALUE, not '{bad}'.");
            }
        });

        var command = new RootCommand("instances: two tool processes on one fresh PostgreSQL database; every flow logs in on one and launches on the other.")
        {
            concurrency, duration, warmup, users, maxFlows, replayEvery, poolSize, server, toolEnv,
        };
        var parse = command.Parse(args);
        if (parse.Action is HelpAction)
        {
            parse.Invoke();
            return (null, 0);
        }
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine(error.Message);
            }
            Console.Error.WriteLine("See 'instances --help'.");
            return (null, 2);
        }
        return (new InstancesOptions
        {
            Concurrency = parse.GetValue(concurrency)!,
            Duration = TimeSpan.FromSeconds(parse.GetValue(duration)),
            Warmup = TimeSpan.FromSeconds(parse.GetValue(warmup)),
            Users = parse.GetValue(users),
            MaxFlows = parse.GetValue(maxFlows),
            ReplayEvery = parse.GetValue(replayEvery),
            PoolSize = parse.GetValue(poolSize),
            Server = parse.GetValue(server) ?? Environment.GetEnvironmentVariable("LTI_TEST_POSTGRES") ?? DefaultServer,
            ToolEnvironment = (parse.GetValue(toolEnv) ?? []).ToDictionary(e => e[..e.IndexOf('=')], e => e[(e.IndexOf('=') + 1)..]),
        }, 0);
    }

    private static Option<int> Number(string name, int defaultValue, int min, int max, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }
            result.AddError($"{name} must be a whole number from {min} to {max}, not '{text}'.");
            return defaultValue;
        },
    };
}
