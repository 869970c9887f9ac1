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

    private static string Key(string property) => $"{DevPlatformOptions.SectionName}:{property}";
}
