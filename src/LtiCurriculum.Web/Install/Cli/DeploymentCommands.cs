using System.CommandLine;
using LtiCurriculum.Web.Install.Platforms;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary><c>deployments add|remove</c>: the deployment ids one platform may launch with (LTI Core 1.3 §3.1.3).</summary>
public static class DeploymentCommands
{
    public static Command Create(CliOptions o, CliContext cli)
    {
        var add = new Command("add", "Accept launches from more deployments of a platform (an install of the tool in another course, account or site).");
        var remove = new Command("remove", "Stop accepting launches from deployments of a platform. Its last deployment cannot be removed (disable or remove the platform instead).");
        foreach (var command in new[] { add, remove })
        {
            o.IdentifiesPlatform(command);
            command.Options.Add(o.DeploymentIds);
            command.Validators.Add(result =>
            {
                if ((result.GetValue(o.DeploymentIds) ?? []).Length == 0)
                {
                    result.AddError("Say which deployment with --deployment-id ID (repeat it for several).");
                }
            });
        }

        add.SetAction((parse, ct) => ChangeAsync(cli, o, parse, "deployments add", (settings, ids) =>
        {
            var known = ids.Where(settings.DeploymentIds.Contains).ToList();
            if (known.Count > 0)
            {
                return [$"--deployment-id {string.Join(", ", known)} is already registered for this platform."];
            }
            settings.DeploymentIds.AddRange(ids);
            return [];
        }, ct));

        remove.SetAction((parse, ct) => ChangeAsync(cli, o, parse, "deployments remove", (settings, ids) =>
        {
            var unknown = ids.Where(id => !settings.DeploymentIds.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                return [$"--deployment-id {string.Join(", ", unknown)} is not registered for this platform (see 'platforms list')."];
            }
            settings.DeploymentIds.RemoveAll(ids.Contains);
            return [];
        }, ct));

        return new Command("deployments", "The deployment ids a platform may launch with.") { add, remove };
    }

    private static async Task<int> ChangeAsync(CliContext cli, CliOptions o, ParseResult parse, string action, Func<PlatformSettings, string[], List<string>> edit, CancellationToken ct)
    {
        var ids = parse.GetValue(o.DeploymentIds) ?? [];
        var target = o.PlatformOf(parse);
        var change = await (await cli.ReadyAsync<PlatformAdmin>(ct)).UpdateAsync(target, action, settings =>
        {
            var problems = edit(settings, ids);
            return problems.Count > 0 ? problems : PlatformCommands.Validate(settings, cli);
        }, "cli", ct);
        return PlatformCommands.Report(cli, change, target, p => $"Platform {p.Id} now accepts deployments {string.Join(", ", p.Deployments.Select(d => d.DeploymentId))}.");
    }
}
