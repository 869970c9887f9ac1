using System.Globalization;

namespace LtiCurriculum.Benchmarks.Instances;

/// <summary>The two-instances command's options; every phase is bounded by its time and <see cref="MaxFlows"/>.</summary>
internal sealed record InstancesOptions
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=lticurriculum_test;Password=lticurriculum_test;Timeout=5";

    /// <summary>Each level is measured in turn on the same two processes (the issue asks for 64 and 32).</summary>
    public IReadOnlyList<int> Concurrency { get; init; } = [64, 32];
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(20);
    public int Users { get; init; } = 200;
    public long MaxFlows { get; init; } = 2_000_000;

    /// <summary>Every n-th flow replays its id_token and state after the launch succeeded.</summary>
    public int ReplayEvery { get; init; } = 10;

    /// <summary>A role that may create and drop databases; the command makes a database of its own on this server.</summary>
    public string Server { get; init; } = Environment.GetEnvironmentVariable("LTI_TEST_POSTGRES") ?? DefaultServer;

    /// <summary>Npgsql's pool cap in each tool process: two of them must stay under the server's max_connections.</summary>
    public int PoolSize { get; init; } = 40;

    public IReadOnlyDictionary<string, string> ToolEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Parses <c>--name value</c> pairs, or returns the sentence that says what is wrong.</summary>
    public static (InstancesOptions? Options, string? Error) Parse(string[] args)
    {
        var options = new InstancesOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                return (null, $"{name} needs a value.");
            }
            var value = args[++i];
            var number = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            switch (name)
            {
                case "--concurrency" when ParseLevels(value) is { } levels: options = options with { Concurrency = levels }; break;
                case "--duration" when number is >= 1 and <= 3600: options = options with { Duration = TimeSpan.FromSeconds(number) }; break;
                case "--warmup" when number is >= 0 and <= 600: options = options with { Warmup = TimeSpan.FromSeconds(number) }; break;
                case "--users" when number is >= 1 and <= 1_000_000: options = options with { Users = (int)number }; break;
                case "--max-flows" when number is >= 1 and <= 100_000_000: options = options with { MaxFlows = number }; break;
                case "--replay-every" when number is >= 1 and <= 1_000_000: options = options with { ReplayEvery = (int)number }; break;
                case "--pool-size" when number is >= 2 and <= 1000: options = options with { PoolSize = (int)number }; break;
                case "--postgres" when value.Length > 0: options = options with { Server = value }; break;
                case "--tool-env" when value.IndexOf('=') > 0:
                    options = options with { ToolEnvironment = new Dictionary<string, string>(options.ToolEnvironment) { [value[..value.IndexOf('=')]] = value[(value.IndexOf('=') + 1)..] } };
                    break;
                case "--concurrency":
                    return (null, "--concurrency takes one level or a comma-separated list, each 1 to 1024 (for example 64,32).");
                default:
                    return (null, $"Unknown option or bad value: {name} {value}.");
            }
        }
        return (options, null);
    }

    private static int[]? ParseLevels(string value)
    {
        var levels = value.Split(',').Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : 0).ToArray();
        return levels.All(l => l is >= 1 and <= 1024) ? levels : null;
    }
}
