using LtiCurriculum.Web.Install.Cli;

namespace LtiCurriculum.Web.Tests.Cli;

internal sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
}

/// <summary>Runs an admin command in-process, the way <c>Program.RunCliAsync</c> does, writing to strings.</summary>
internal static class CliRun
{
    /// <summary>Against a running tool: its start-up tasks have run.</summary>
    public static Task<CliResult> AgainstAsync(IServiceProvider services, params string[] args) =>
        RunAsync((output, errors) => CliContext.ForRunningApp(services, output, errors), args);

    /// <summary>With the given way of building and preparing the app, as the real process does.</summary>
    public static async Task<CliResult> RunAsync(Func<TextWriter, TextWriter, CliContext> context, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await new AdminCli(context(output, errors)).RunAsync(args, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), errors.ToString());
    }
}
