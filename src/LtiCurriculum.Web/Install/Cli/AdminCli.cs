using System.CommandLine;
using System.CommandLine.Help;
using System.Data.Common;
using LtiCurriculum.Web.Hosting;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary>
/// The admin commands of the same executable (<c>dotnet LtiCurriculum.Web.dll platforms list</c>). Settings come
/// from appsettings and the environment, as for the web app; the command line belongs to the command.
/// </summary>
public sealed class AdminCli
{
    private static readonly string[] Groups = ["platforms", "deployments", "keys", "registration", "migrate", "packs", "grades", "audit"];

    private readonly CliContext _cli;

    public AdminCli(CliContext cli)
    {
        _cli = cli;
        var options = new CliOptions();
        Root = new RootCommand("LtiCurriculum administration. Without a command the web app starts. " + ExitCodes.Description)
        {
            PlatformCommands.Create(options, cli),
            DeploymentCommands.Create(options, cli),
            KeyCommands.Create(options, cli),
            RegistrationCommands.Create(options, cli),
            MigrateCommand.Create(options, cli),
            PackCommands.Create(options, cli),
            GradeCommands.Create(options, cli),
            AuditCommands.Create(options, cli),
        };
    }

    public RootCommand Root { get; }

    /// <summary>Whether the arguments name an admin command; anything else (no arguments, <c>--urls …</c>) starts the web app.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Groups.Contains(args[0], StringComparer.Ordinal);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        // No response files: a value such as a deployment id may start with '@' and must not be read as a file name.
        var parse = Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                _cli.Errors.WriteLine(error.Message);
            }
            _cli.Errors.WriteLine($"See '{string.Join(' ', CommandPath(parse))} --help'.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = _cli.Output, Error = _cli.Errors, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception ex) when (ex is ConfigurationException or OptionsValidationException)
        {
            var messages = ex is OptionsValidationException validation ? validation.Failures : [ex.Message];
            foreach (var message in messages)
            {
                _cli.Errors.WriteLine($"Configuration error: {message}");
            }
            return ExitCodes.Unavailable;
        }
        catch (DbException ex)
        {
            _cli.Errors.WriteLine($"The database is unavailable or not migrated ({ex.Message}). Check ConnectionStrings:Default and Database:Provider; 'migrate' brings the schema up to date.");
            return ExitCodes.Unavailable;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Push(result.Command.Name);
            }
        }
        return names.Count == 0 ? ["(command)"] : names;
    }
}
