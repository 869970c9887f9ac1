using System.CommandLine;
using LtiCurriculum.Web.Install.Audit;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary><c>audit list [--take N]</c>: the record of administrative changes, newest first.</summary>
public static class AuditCommands
{
    public static Command Create(CliOptions o, CliContext cli)
    {
        var list = new Command("list", "Show the newest administrative changes: when, who (cli, registration, configuration …), what and to what.") { o.Take };
        list.SetAction(async (parse, ct) =>
        {
            var entries = await (await cli.ReadyAsync<AuditLog>(ct)).ListAsync(parse.GetValue(o.Take) ?? 50, ct);
            if (entries.Count == 0)
            {
                cli.Output.WriteLine("No administrative changes are recorded.");
            }
            foreach (var e in entries)
            {
                cli.Output.WriteLine($"{e.At:u}\t{e.Actor}\t{e.Action}\t{e.Subject}{(e.Details is null ? "" : "\t" + e.Details.ReplaceLineEndings(" "))}");
            }
            return ExitCodes.Done;
        });
        return new Command("audit", "The record of administrative changes.") { list };
    }
}
