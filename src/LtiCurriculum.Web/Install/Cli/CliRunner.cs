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
        ("keys", "rotate") => await RotateKeysAsync(cancellationToken),
        ("keys", "retire") => await RetireKeyAsync(command, cancellationToken),
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
            var state = key.IsCurrent ? "current (signs)" : key.IsNext ? "next (published)" : key.RetiredAt is null ? "published" : $"retired {key.RetiredAt:u}, leaves the JWKS {keys.LeavesJwksAt(key):u}";
            output.WriteLine($"{key.KeyId}\tcreated {key.CreatedAt:u}\t{state}");
        }
        return 0;
    }

    private async Task<int> RotateKeysAsync(CancellationToken cancellationToken)
    {
        if (await keys.RotateAsync("cli", cancellationToken) is not { } rotation)
        {
            errors.WriteLine("Another rotation changed the keys at the same time; nothing was changed by this one. Run keys list.");
            return 1;
        }
        output.WriteLine($"Key {rotation.CurrentKeyId} now signs. {rotation.RetiredKeyId} is retired and stays published for the grace period; {rotation.NextKeyId} is the new next key.");
        return 0;
    }

    private async Task<int> RetireKeyAsync(CliCommand command, CancellationToken cancellationToken)
    {
        if (command.Positional.Count != 1)
        {
            return Usage("keys retire needs one key id (see keys list).");
        }
        var keyId = command.Positional[0];
        switch (await keys.RetireAsync(keyId, "cli", cancellationToken))
        {
            case Data.Stores.KeyRetirement.Retired:
                output.WriteLine($"Key {keyId} retired.");
                return 0;
            case Data.Stores.KeyRetirement.IsCurrent:
                errors.WriteLine($"Key {keyId} signs now and cannot be retired; run keys rotate first.");
                return 1;
            case Data.Stores.KeyRetirement.AlreadyRetired:
                errors.WriteLine($"Key {keyId} is already retired.");
                return 1;
            default:
                errors.WriteLine($"No key with id '{keyId}'.");
                return 1;
        }
    }

    private int Usage(string message)
    {
        errors.WriteLine(message);
        errors.WriteLine("Usage: platforms add --issuer URL --client-id ID --authorization-endpoint URL --token-endpoint URL [--token-audience AUD] --jwks-uri URL --deployment-id ID [--deployment-id ID …]");
        errors.WriteLine("       platforms list | platforms remove --issuer URL --client-id ID");
        errors.WriteLine("       keys list | keys rotate | keys retire KID");
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
