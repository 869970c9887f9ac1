using System.Globalization;

namespace LtiCurriculum.Benchmarks.Dashboard;

/// <summary>The dashboard command's options; every loop is bounded by a duration and by <see cref="MaxRenders"/>.</summary>
internal sealed record DashboardOptions
{
    public int Concurrency { get; init; } = 8;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(20);
    public int Students { get; init; } = 500;
    public long MaxRenders { get; init; } = 1_000_000;

    /// <summary>Extra environment for the started tool (experiments such as <c>DOTNET_gcServer=0</c>).</summary>
    public IReadOnlyDictionary<string, string> ToolEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Parses <c>--name value</c> pairs, or returns the sentence that says what is wrong.</summary>
    public static (DashboardOptions? Options, string? Error) Parse(string[] args)
    {
        var options = new DashboardOptions();
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
                case "--concurrency" when number is >= 1 and <= 256: options = options with { Concurrency = (int)number }; break;
                // Warm-up plus measured phase stay within the tool's 5-minute roster cache (ClassRoster.CacheLifetime).
                case "--duration" when number is >= 1 and <= 240: options = options with { Duration = TimeSpan.FromSeconds(number) }; break;
                case "--warmup" when number is >= 0 and <= 60: options = options with { Warmup = TimeSpan.FromSeconds(number) }; break;
                case "--students" when number is >= 1 and <= 20_000: options = options with { Students = (int)number }; break;
                case "--max-renders" when number is >= 1 and <= 100_000_000: options = options with { MaxRenders = number }; break;
                case "--tool-env" when value.IndexOf('=') > 0:
                    options = options with { ToolEnvironment = new Dictionary<string, string>(options.ToolEnvironment) { [value[..value.IndexOf('=')]] = value[(value.IndexOf('=') + 1)..] } };
                    break;
                case "--duration":
                    return (null, "--duration must be 1 to 240 seconds (with the warm-up, within the tool's 5-minute roster cache).");
                case "--warmup":
                    return (null, "--warmup must be 0 to 60 seconds.");
                default:
                    return (null, $"Unknown option or bad value: {name} {value}.");
            }
        }
        return (options, null);
    }
}
