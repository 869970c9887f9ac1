using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>Stops the app at start with a sentence naming the bad key and the fix.</summary>
internal sealed class DevPlatformOptionsValidator : IValidateOptions<DevPlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, DevPlatformOptions options)
    {
        var failures = new List<string>();
        RequireText(failures, nameof(DevPlatformOptions.ClientId), options.ClientId, "lticurriculum-dev");
        RequireText(failures, nameof(DevPlatformOptions.DeploymentId), options.DeploymentId, "dev-deployment-1");
        RequirePath(failures, nameof(DevPlatformOptions.ToolLoginPath), options.ToolLoginPath, "/lti/login");
        RequirePath(failures, nameof(DevPlatformOptions.ToolLaunchPath), options.ToolLaunchPath, "/lti/launch");
        if (LoginStyles.Normalize(options.LoginStyle) is null)
        {
            failures.Add($"{Key(nameof(DevPlatformOptions.LoginStyle))} is \"{options.LoginStyle}\"; set it to \"{LoginStyles.Post}\" (Moodle-style form) or \"{LoginStyles.Get}\" (Canvas-style redirect).");
        }

        if (GradebookStyles.Normalize(options.GradebookStyle) is null)
        {
            failures.Add($"{Key(nameof(DevPlatformOptions.GradebookStyle))} is \"{options.GradebookStyle}\"; set it to \"{GradebookStyles.Standard}\", \"{GradebookStyles.Canvas}\" or \"{GradebookStyles.Moodle}\".");
        }

        if (!string.IsNullOrEmpty(options.ToolOrigin) && !IsOrigin(options.ToolOrigin))
        {
            failures.Add($"{Key(nameof(DevPlatformOptions.ToolOrigin))} is \"{options.ToolOrigin}\"; set it to the tool's absolute http or https origin without a path, for example \"https://localhost:5001\", or leave it out when the tool serves the platform itself.");
        }

        RequirePath(failures, nameof(DevPlatformOptions.ToolJwksPath), options.ToolJwksPath, "/.well-known/jwks.json");
        if (options.AccessTokenLifetimeSeconds is < 1 or > 86400)
        {
            failures.Add($"{Key(nameof(DevPlatformOptions.AccessTokenLifetimeSeconds))} is {options.AccessTokenLifetimeSeconds}; set it to a number of seconds from 1 to 86400, for example 3600.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireText(List<string> failures, string property, string? value, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Key(property)} is empty; set it, for example to \"{example}\".");
        }
    }

    private static void RequirePath(List<string> failures, string property, string? value, string example)
    {
        var isPath = value is not null
            && value.StartsWith('/')
            && !value.StartsWith("//", StringComparison.Ordinal)
            && value.IndexOfAny(['?', '#', '\\', ' ']) < 0;
        if (!isPath)
        {
            failures.Add($"{Key(property)} is \"{value}\"; set it to a path on this site that starts with one '/', without query or fragment, for example \"{example}\".");
        }
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/"
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && uri.UserInfo.Length == 0
        && !value.EndsWith("//", StringComparison.Ordinal);

    private static string Key(string property) => $"{DevPlatformOptions.SectionName}:{property}";
}
