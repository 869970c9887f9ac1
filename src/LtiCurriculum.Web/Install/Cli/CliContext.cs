namespace LtiCurriculum.Web.Install.Cli;

/// <summary>
/// What a command runs against: where it writes, and the app's services. They are built on first use, so
/// <c>packs validate</c> needs neither settings nor a database, and <c>migrate</c> gets them before the
/// start-up tasks (which migrate) have run; every other command asks for <see cref="ReadyAsync"/>.
/// </summary>
public sealed class CliContext(Func<IServiceProvider> build, Func<IServiceProvider, CancellationToken, Task> prepare, TextWriter output, TextWriter errors)
{
    private IServiceProvider? _services;
    private bool _ready;

    public TextWriter Output => output;

    public TextWriter Errors => errors;

    /// <summary>The app's services with nothing run yet: the database may be empty or behind.</summary>
    public IServiceProvider Services => _services ??= build();

    /// <summary>For an app that is already running (its start-up tasks done), e.g. in tests.</summary>
    public static CliContext ForRunningApp(IServiceProvider services, TextWriter output, TextWriter errors) =>
        new(() => services, (_, _) => Task.CompletedTask, output, errors);

    /// <summary>A service once the start-up tasks have run: database migrated, configured platforms copied in, keys made.</summary>
    public async Task<T> ReadyAsync<T>(CancellationToken cancellationToken) where T : notnull
    {
        if (!_ready)
        {
            await prepare(Services, cancellationToken);
            _ready = true;
        }
        return Services.GetRequiredService<T>();
    }

    public int Refuse(string message)
    {
        errors.WriteLine(message);
        return ExitCodes.Refused;
    }

    public int Refuse(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            errors.WriteLine(problem);
        }
        errors.WriteLine("Nothing was written.");
        return ExitCodes.Refused;
    }

    public int Done(string message)
    {
        output.WriteLine(message);
        return ExitCodes.Done;
    }
}
