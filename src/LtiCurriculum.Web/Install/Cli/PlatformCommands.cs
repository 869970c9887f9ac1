using System.CommandLine;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Install.Platforms;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary><c>platforms list|add|update|disable|enable|remove</c>: the LMS registrations this tool accepts.</summary>
public static class PlatformCommands
{
    private const string Actor = "cli";

    public static Command Create(CliOptions o, CliContext cli)
    {
        var list = new Command("list", "Show every registered platform with its number, endpoints, deployments and state.");
        list.SetAction(async (_, ct) =>
        {
            var all = await (await cli.ReadyAsync<PlatformAdmin>(ct)).ListAsync(ct);
            if (all.Count == 0)
            {
                cli.Output.WriteLine("No platforms are registered.");
            }
            foreach (var p in all)
            {
                Write(cli.Output, p);
            }
            return ExitCodes.Done;
        });

        var add = new Command("add", "Register a new platform. Refuses an issuer and client id that is already registered (use 'platforms update').");
        AddFields(add, o, withIdentity: true);
        add.SetAction(async (parse, ct) =>
        {
            var settings = new PlatformSettings
            {
                Issuer = parse.GetValue(o.Issuer),
                ClientId = parse.GetValue(o.ClientId),
                AuthorizationEndpoint = parse.GetValue(o.AuthorizationEndpoint),
                TokenEndpoint = parse.GetValue(o.TokenEndpoint),
                TokenAudience = parse.GetValue(o.TokenAudience),
                JwksUri = parse.GetValue(o.JwksUri),
                DeploymentIds = [.. parse.GetValue(o.DeploymentIds) ?? []],
            };
            var problems = Validate(settings, cli);
            if (problems.Count > 0)
            {
                return cli.Refuse(problems);
            }
            var change = await (await cli.ReadyAsync<PlatformAdmin>(ct)).AddAsync(settings, Actor, ct);
            if (change.Outcome == PlatformOutcome.Exists)
            {
                return cli.Refuse($"Platform {change.Platform!.Id} already has issuer '{settings.Issuer}' and client id '{settings.ClientId}'; nothing was written. Change it with 'platforms update --id {change.Platform.Id} …'.");
            }
            var p = change.Platform!;
            return cli.Done($"Platform {p.Id} added: {p.Issuer} (client id {p.ClientId}), deployments {Deployments(p)}.");
        });

        var update = new Command("update", "Change a platform's endpoints or deployments; only the options given change. --deployment-id replaces the whole list. A platform from configuration (Lti:Platforms) gets its configured values back at the next start.");
        o.IdentifiesPlatform(update);
        AddFields(update, o, withIdentity: false);
        update.SetAction(async (parse, ct) =>
        {
            var given = new Dictionary<Option, Action<PlatformSettings>>
            {
                [o.AuthorizationEndpoint] = s => s.AuthorizationEndpoint = parse.GetValue(o.AuthorizationEndpoint),
                [o.TokenEndpoint] = s => s.TokenEndpoint = parse.GetValue(o.TokenEndpoint),
                [o.TokenAudience] = s => s.TokenAudience = parse.GetValue(o.TokenAudience),
                [o.JwksUri] = s => s.JwksUri = parse.GetValue(o.JwksUri),
                [o.DeploymentIds] = s => s.DeploymentIds = [.. parse.GetValue(o.DeploymentIds) ?? []],
            }.Where(e => parse.GetResult(e.Key) is not null).Select(e => e.Value).ToList();
            if (given.Count == 0)
            {
                cli.Errors.WriteLine("Say what to change: --authorization-endpoint, --token-endpoint, --token-audience, --jwks-uri or --deployment-id.");
                return ExitCodes.Usage;
            }
            var change = await (await cli.ReadyAsync<PlatformAdmin>(ct)).UpdateAsync(o.PlatformOf(parse), "platforms update", settings =>
            {
                given.ForEach(set => set(settings));
                return Validate(settings, cli);
            }, Actor, ct);
            return Report(cli, change, o.PlatformOf(parse), p => $"Platform {p.Id} updated: {p.Issuer} (client id {p.ClientId}).");
        });

        var disable = new Command("disable", "Refuse the platform's logins and launches and hold its scores; nothing is deleted. 'platforms enable' undoes it.");
        o.IdentifiesPlatform(disable);
        disable.SetAction(async (parse, ct) =>
        {
            var change = await (await cli.ReadyAsync<PlatformAdmin>(ct)).SetDisabledAsync(o.PlatformOf(parse), true, Actor, ct);
            return Report(cli, change, o.PlatformOf(parse), p => $"Platform {p.Id} disabled: its logins and launches are refused and its scores wait until it is enabled.");
        });

        var enable = new Command("enable", "Accept a disabled platform's logins and launches again and send its waiting scores.");
        o.IdentifiesPlatform(enable);
        enable.SetAction(async (parse, ct) =>
        {
            var change = await (await cli.ReadyAsync<PlatformAdmin>(ct)).SetDisabledAsync(o.PlatformOf(parse), false, Actor, ct);
            return Report(cli, change, o.PlatformOf(parse), p => $"Platform {p.Id} enabled.");
        });

        var remove = new Command("remove", "Delete a platform and its deployments. When the tool holds learners' data for it, refuses unless --force, which deletes that data too.");
        o.IdentifiesPlatform(remove);
        remove.Options.Add(o.Force);
        remove.SetAction(async (parse, ct) =>
        {
            var target = o.PlatformOf(parse);
            var change = await (await cli.ReadyAsync<PlatformAdmin>(ct)).RemoveAsync(target, parse.GetValue(o.Force), Actor, ct);
            if (change.Outcome == PlatformOutcome.HasLearnerData)
            {
                return cli.Refuse($"Platform {change.Platform!.Id} has learners' data in this tool: {change.Data}. Removing it deletes all of that. "
                    + "To stop its launches and keep the data, use 'platforms disable'; to delete anyway, repeat with --force. Nothing was written.");
            }
            return Report(cli, change, target, p => $"Platform {p.Id} removed: {p.Issuer} (client id {p.ClientId}) with its deployments; also deleted: {change.Data}.");
        });

        return new Command("platforms", "The LMS registrations this tool accepts logins and launches from.") { list, add, update, disable, enable, remove };
    }

    private static void AddFields(Command command, CliOptions o, bool withIdentity)
    {
        if (withIdentity)
        {
            command.Options.Add(o.Issuer);
            command.Options.Add(o.ClientId);
        }
        command.Options.Add(o.AuthorizationEndpoint);
        command.Options.Add(o.TokenEndpoint);
        command.Options.Add(o.TokenAudience);
        command.Options.Add(o.JwksUri);
        command.Options.Add(o.DeploymentIds);
    }

    internal static IReadOnlyList<string> Validate(PlatformSettings settings, CliContext cli) =>
        PlatformSettingsValidator.Validate(settings, OptionName, cli.Services.GetRequiredService<IHostEnvironment>().IsProduction());

    internal static int Report(CliContext cli, PlatformChange change, PlatformRef target, Func<PlatformEntity, string> done) => change.Outcome switch
    {
        PlatformOutcome.Done => cli.Done(done(change.Platform!)),
        PlatformOutcome.Unchanged => cli.Done($"Platform {change.Platform!.Id} already is as asked; nothing changed."),
        PlatformOutcome.NotFound => cli.Refuse($"No platform with {target}; see 'platforms list'."),
        PlatformOutcome.Invalid => cli.Refuse(change.Problems!),
        _ => cli.Refuse($"Refused: {change.Outcome}."),
    };

    private static void Write(TextWriter output, PlatformEntity p)
    {
        output.WriteLine($"{p.Id}\t{p.Issuer}\tclient {p.ClientId}\tdeployments {string.Join(",", p.Deployments.Select(d => d.DeploymentId))}\t({p.Source}){(p.IsDisabled ? "\tDISABLED" : "")}");
        output.WriteLine($"\tauth {p.AuthorizationEndpoint}\n\ttoken {p.TokenEndpoint}{(p.TokenAudience is null ? "" : $" (assertion audience {p.TokenAudience})")}\n\tjwks {p.JwksUri}");
    }

    private static string Deployments(PlatformEntity p) => string.Join(", ", p.Deployments.Select(d => d.DeploymentId));

    private static string OptionName(string field) => field switch
    {
        nameof(PlatformSettings.Issuer) => "--issuer",
        nameof(PlatformSettings.ClientId) => "--client-id",
        nameof(PlatformSettings.AuthorizationEndpoint) => "--authorization-endpoint",
        nameof(PlatformSettings.TokenEndpoint) => "--token-endpoint",
        nameof(PlatformSettings.TokenAudience) => "--token-audience",
        nameof(PlatformSettings.JwksUri) => "--jwks-uri",
        nameof(PlatformSettings.DeploymentIds) => "--deployment-id",
        _ => field,
    };
}
