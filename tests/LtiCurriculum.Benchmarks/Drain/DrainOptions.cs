using System.Globalization;

namespace LtiCurriculum.Benchmarks.Drain;

/// <summary>The drain command's options; the wait for the outbox is bounded by <see cref="Timeout"/>.</summary>
internal sealed record DrainOptions
{
    /// <summary>The development platform keeps at most 100,000 results (one per learner and line item).</summary>
    public const int MaxLearners = 100_000;

    public int Scores { get; init; } = 100_000;
    public int Learners { get; init; } = 20_000;

    /// <summary>Grades:ConcurrencyPerPlatform of the drainer.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Grades:BatchSize of the drainer.</summary>
    public int Batch { get; init; } = 128;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>Extra environment for the drainer (experiments such as <c>DOTNET_gcServer=0</c>).</summary>
    public IReadOnlyDictionary<string, string> ToolEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Parses <c>--name value</c> pairs, or returns the sentence that says what is wrong.</summary>
    public static (DrainOptions? Options, string? Error) Parse(string[] args)
    {
        var options = new DrainOptions();
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
                case "--scores" when number is >= 1 and <= 10_000_000: options = options with { Scores = (int)number }; break;
                case "--learners" when number is >= 1 and <= MaxLearners: options = options with { Learners = (int)number }; break;
                case "--concurrency" when number is >= 1 and <= 256: options = options with { Concurrency = (int)number }; break;
                case "--batch" when number is >= 1 and <= 1000: options = options with { Batch = (int)number }; break;
                case "--timeout" when number is >= 10 and <= 86_400: options = options with { Timeout = TimeSpan.FromSeconds(number) }; break;
                case "--tool-env" when value.IndexOf('=') > 0:
                    options = options with { ToolEnvironment = new Dictionary<string, string>(options.ToolEnvironment) { [value[..value.IndexOf('=')]] = value[(value.IndexOf('=') + 1)..] } };
                    break;
                case "--learners":
                    return (null, $"--learners must be 1 to {MaxLearners:N0} (the development platform keeps at most that many results).");
                case "--concurrency":
                    return (null, "--concurrency must be 1 to 256 (Grades:ConcurrencyPerPlatform).");
                case "--batch":
                    return (null, "--batch must be 1 to 1000 (Grades:BatchSize).");
                default:
                    return (null, $"Unknown option or bad value: {name} {value}.");
            }
        }
        if (options.Learners > options.Scores)
        {
            return (null, $"--learners ({options.Learners}) must not exceed --scores ({options.Scores}): every learner gets at least one score.");
        }
        return (options, null);
    }
}
