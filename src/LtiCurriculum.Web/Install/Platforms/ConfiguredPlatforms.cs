using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Install.Platforms;

/// <summary>The <c>Lti:Platforms</c> array, copied into the database at every start.</summary>
public sealed class ConfiguredPlatforms
{
    public List<PlatformSettings> Platforms { get; set; } = [];
}

/// <summary>Stops the app at start with a sentence per bad field, naming its configuration key.</summary>
internal sealed class ConfiguredPlatformsValidator(IHostEnvironment environment) : IValidateOptions<ConfiguredPlatforms>
{
    public ValidateOptionsResult Validate(string? name, ConfiguredPlatforms options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Platforms.Count; i++)
        {
            var index = i;
            errors.AddRange(PlatformSettingsValidator.Validate(options.Platforms[i], field => $"Lti:Platforms:{index}:{field}", environment.IsProduction()));
        }
        var duplicates = options.Platforms.GroupBy(p => (p.Issuer, p.ClientId)).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var (issuer, clientId) in duplicates)
        {
            errors.Add($"Lti:Platforms lists issuer '{issuer}' with client id '{clientId}' more than once.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
