using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Hosting.Framing;

/// <summary>Configuration section <c>Security</c>: who may show the tool's pages in a frame, beyond the registered platforms.</summary>
public sealed class FramingOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Extra origins allowed to frame the tool (<c>Security:FrameAncestors</c>), e.g. an institution's vanity LMS domain
    /// that is none of its platform's issuer, authorization or token hosts. https origins only (a leading <c>*.</c>
    /// wildcard host is allowed); http://localhost and http://127.0.0.1 also in Development.
    /// </summary>
    public List<string> FrameAncestors { get; set; } = [];
}

/// <summary>Stops the app at start for an entry that is not an origin, naming its key.</summary>
internal sealed class FramingOptionsValidator(IHostEnvironment environment) : IValidateOptions<FramingOptions>
{
    public ValidateOptionsResult Validate(string? name, FramingOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.FrameAncestors.Count; i++)
        {
            var entry = options.FrameAncestors[i];
            if (FrameOrigins.Parse(entry) is not { } origin)
            {
                errors.Add($"{FramingOptions.SectionName}:FrameAncestors:{i} ('{entry}') is not an origin: write scheme and host only, e.g. https://lms.example.edu or https://*.example.edu.");
            }
            else if (origin.Scheme != Uri.UriSchemeHttps && !(environment.IsDevelopment() && origin.IsLoopback))
            {
                errors.Add($"{FramingOptions.SectionName}:FrameAncestors:{i} ('{entry}') must be an https origin" +
                    (environment.IsDevelopment() ? " (or http://localhost / http://127.0.0.1)." : "; http is allowed for localhost in Development only."));
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
