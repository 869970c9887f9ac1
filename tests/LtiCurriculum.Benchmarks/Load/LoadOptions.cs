using System.Globalization;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>The load command's options; every loop is bounded by <see cref="Duration"/> and <see cref="MaxFlows"/>.</summary>
internal sealed record LoadOptions
{
    public int Concurrency { get; init; } = 32;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(20);
    public int Users { get; init; } = 200;

    /// <summary>load only: every flow is a user the tool has never seen (a first launch), instead of one from the pool.</summary>
    public bool NewUsers { get; init; }

    /// <summary>How many courses and links the users are spread over (each link belongs to one course).</summary>
    public int Courses { get; init; } = LoadUsers.DefaultCourses;

    public int Links { get; init; } = LoadUsers.DefaultLinks;
    public long MaxFlows { get; init; } = 2_000_000;
    public Uri? ToolUrl { get; init; }
    public int? ToolPid { get; init; }
    public int PlatformPort { get; init; }

    /// <summary>learn only: <c>both</c> (half page loads, half answer saves), <c>page</c> or <c>save</c>.</summary>
    public string Mix { get; init; } = "both";

    /// <summary>Extra environment for the started tool (experiments such as <c>DOTNET_gcServer=0</c>).</summary>
    public IReadOnlyDictionary<string, string> ToolEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Parses <c>--name value</c> pairs, or returns the sentence that says what is wrong.</summary>
    public static (LoadOptions? Options, string? Error) Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--new-users")
            {
                options = options with { NewUsers = true };
                continue;
            }
            if (i + 1 >= args.Length)
            {
                return (null, $"{name} needs a value.");
            }
            var value = args[++i];
            var number = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            switch (name)
            {
                case "--concurrency" when number is >= 1 and <= 1024: options = options with { Concurrency = (int)number }; break;
                case "--duration" when number is >= 1 and <= 3600: options = options with { Duration = TimeSpan.FromSeconds(number) }; break;
                case "--warmup" when number is >= 0 and <= 600: options = options with { Warmup = TimeSpan.FromSeconds(number) }; break;
                case "--users" when number is >= 1 and <= 1_000_000: options = options with { Users = (int)number }; break;
                case "--courses" when number is >= 1 and <= 100_000: options = options with { Courses = (int)number }; break;
                case "--links" when number is >= 1 and <= 1_000_000: options = options with { Links = (int)number }; break;
                case "--max-flows" when number is >= 1 and <= 100_000_000: options = options with { MaxFlows = number }; break;
                case "--tool-pid" when number is >= 1 and <= int.MaxValue: options = options with { ToolPid = (int)number }; break;
                case "--platform-port" when number is >= 0 and <= 65535: options = options with { PlatformPort = (int)number }; break;
                case "--tool-url" when Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var url) && url.IsLoopback:
                    options = options with { ToolUrl = url };
                    break;
                case "--tool-env" when value.IndexOf('=') > 0:
                    options = options with { ToolEnvironment = new Dictionary<string, string>(options.ToolEnvironment) { [value[..value.IndexOf('=')]] = value[(value.IndexOf('=') + 1)..] } };
                    break;
                case "--mix" when value is "both" or "page" or "save": options = options with { Mix = value }; break;
                case "--tool-url":
                    return (null, "--tool-url must be an absolute http URL on a loopback address (127.0.0.1 or localhost).");
                default:
                    return (null, $"Unknown option or bad value: {name} {value}.");
            }
        }
        if (options.Links < options.Courses)
        {
            return (null, $"--links ({options.Links}) must be at least --courses ({options.Courses}): every course has a link.");
        }
        if ((options.ToolUrl is null) != (options.ToolPid is null))
        {
            return (null, "--tool-url and --tool-pid go together: the URL to load and the process id to measure.");
        }
        return (options, null);
    }
}
