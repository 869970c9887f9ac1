using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Install.Platforms;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary>Runs one admin command against the configured database and returns the process exit code (0 ok, 1 refused, 2 usage).</summary>
public sealed class CliRunner(PlatformAdmin platforms, ToolKeyService keys, LtiCurriculum.Curriculum.Loading.ContentCatalogue catalogue, Grades.GradeStatus grades, IHostEnvironment environment, TextWriter output, TextWriter errors)
{
    private static readonly string[] PlatformFields = ["issuer", "client-id", "authorization-endpoint", "token-endpoint", "token-audience", "jwks-uri", "deployment-id"];

    public async Task<int> RunAsync(CliCommand command, CancellationToken cancellationToken) => (command.Group, command.Verb) switch
    {
        ("platforms", "add") => await AddPlatformAsync(command, cancellationToken),
        ("platforms", "list") => await ListPlatformsAsync(cancellationToken),
        ("platforms", "remove") => await RemovePlatformAsync(command, cancellationToken),
        ("keys", "list") => await ListKeysAsync(cancellationToken),
        ("keys", "add") => await AddKeyAsync(command, cancellationToken),
        ("keys", "use") => await UseKeyAsync(command, cancellationToken),
        ("keys", "remove") => await RemoveKeyAsync(command, cancellationToken),
        ("packs", "list") => PackCommands.List(catalogue, output),
        ("packs", "validate") => PackCommands.Validate(command.Positional.FirstOrDefault(), output, errors),
        ("grades", "list") => await new GradeCommands(grades, output, errors).ListAsync(command, cancellationToken),
        ("grades", "retry") => await new GradeCommands(grades, output, errors).RetryAsync(command, cancellationToken),
        _ => Usage($"Unknown command '{command.Group} {command.Verb}'."),
    };

    private async Task<int> AddPlatformAsync(CliCommand command, CancellationToken cancellationToken)
    {
        if (command.UnknownOptions(PlatformFields).FirstOrDefault() is { } unknown)
        {
            return Usage($"Unknown option --{unknown}. Options: {string.Join(", ", PlatformFields.Select(f => "--" + f))}.");
        }
        var settings = new PlatformSettings
        {
            Issuer = command.Single("issuer"),
            ClientId = command.Single("client-id"),
            AuthorizationEndpoint = command.Single("authorization-endpoint"),
            TokenEndpoint = command.Single("token-endpoint"),
            TokenAudience = command.Single("token-audience"),
            JwksUri = command.Single("jwks-uri"),
            DeploymentIds = [.. command.All("deployment-id")],
        };
        var problems = PlatformSettingsValidator.Validate(settings, OptionName, environment.IsProduction());
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                errors.WriteLine(problem);
            }
            errors.WriteLine("Nothing was written.");
            return 1;
        }
        var id = await platforms.UpsertAsync(settings, "cli", cancellationToken);
        output.WriteLine($"Platform {id} saved: {settings.Issuer} (client id {settings.ClientId}), deployments {string.Join(", ", settings.DeploymentIds)}.");
        return 0;
    }

    private async Task<int> ListPlatformsAsync(CancellationToken cancellationToken)
    {
        var all = await platforms.ListAsync(cancellationToken);
        if (all.Count == 0)
        {
            output.WriteLine("No platforms are registered.");
        }
        foreach (var p in all)
        {
            output.WriteLine($"{p.Id}\t{p.Issuer}\tclient {p.ClientId}\tdeployments {string.Join(",", p.Deployments.Select(d => d.DeploymentId))}\t({p.Source})");
            output.WriteLine($"\tauth {p.AuthorizationEndpoint}\n\ttoken {p.TokenEndpoint}{(p.TokenAudience is null ? "" : $" (assertion audience {p.TokenAudience})")}\n\tjwks {p.JwksUri}");
        }
        return 0;
    }

    private async Task<int> RemovePlatformAsync(CliCommand command, CancellationToken cancellationToken)
    {
        var issuer = command.Single("issuer");
        var clientId = command.Single("client-id");
        if (string.IsNullOrWhiteSpace(issuer) || string.IsNullOrWhiteSpace(clientId))
        {
            return Usage("platforms remove needs --issuer and --client-id.");
        }
        if (!await platforms.RemoveAsync(issuer, clientId, cancellationToken))
        {
            errors.WriteLine($"No platform with issuer '{issuer}' and client id '{clientId}'.");
            return 1;
        }
        output.WriteLine($"Removed {issuer} (client id {clientId}).");
        return 0;
    }

    private async Task<int> ListKeysAsync(CancellationToken cancellationToken)
    {
        foreach (var key in await keys.ListAsync(cancellationToken))
        {
            output.WriteLine($"{key.KeyId}\tcreated {key.CreatedAt:u}{(key.IsCurrent ? "\tcurrent (signs)" : "\tpublished")}");
        }
        return 0;
    }

    private async Task<int> AddKeyAsync(CliCommand command, CancellationToken cancellationToken)
    {
        var current = command.Single("current") == "true";
        var keyId = await keys.AddKeyAsync(current, cancellationToken);
        output.WriteLine(current
            ? $"Key {keyId} added and now signs."
            : $"Key {keyId} added and published. Once platforms have fetched it, make it sign with: keys use {keyId}");
        return 0;
    }

    private async Task<int> UseKeyAsync(CliCommand command, CancellationToken cancellationToken)
    {
        if (command.Positional.Count != 1)
        {
            return Usage("keys use needs one key id (see keys list).");
        }
        if (!await keys.MakeCurrentAsync(command.Positional[0], cancellationToken))
        {
            errors.WriteLine($"No key with id '{command.Positional[0]}'.");
            return 1;
        }
        output.WriteLine($"Key {command.Positional[0]} now signs; the others stay published until removed.");
        return 0;
    }

    private async Task<int> RemoveKeyAsync(CliCommand command, CancellationToken cancellationToken)
    {
        if (command.Positional.Count != 1)
        {
            return Usage("keys remove needs one key id (see keys list).");
        }
        if (!await keys.RemoveAsync(command.Positional[0], cancellationToken))
        {
            errors.WriteLine($"No removable key '{command.Positional[0]}' (the current signing key cannot be removed).");
            return 1;
        }
        output.WriteLine($"Key {command.Positional[0]} removed.");
        return 0;
    }

    private int Usage(string message)
    {
        errors.WriteLine(message);
        errors.WriteLine("Usage: platforms add --issuer URL --client-id ID --authorization-endpoint URL --token-endpoint URL [--token-audience AUD] --jwks-uri URL --deployment-id ID [--deployment-id ID …]");
        errors.WriteLine("       platforms list | platforms remove --issuer URL --client-id ID");
        errors.WriteLine("       keys list | keys add [--current] | keys use KID | keys remove KID");
        errors.WriteLine("       packs list | packs validate FOLDER");
        errors.WriteLine("       " + GradeCommands.Usage);
        return 2;
    }

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
