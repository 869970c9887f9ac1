using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Hosting.RateLimits;

/// <summary>
/// Configuration section <c>RateLimits</c>: requests per minute, each a token bucket that holds a minute's worth, so a
/// burst up to the limit passes at once. A class of 300 behind one NAT address launching within a minute makes 300
/// logins and 300 launches; the defaults leave ten times that room.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Login initiations (<c>/lti/login</c>) and, counted apart, launches (<c>/lti/launch</c>) from one client address.</summary>
    public int LaunchesPerAddress { get; set; } = 3000;

    /// <summary>Logins and, apart, launches naming one platform (issuer and client id), from any address.</summary>
    public int LaunchesPerPlatform { get; set; } = 30000;

    /// <summary>Dynamic registration requests (<c>/lti/register</c>, its confirmation) from one client address.</summary>
    public int RegistrationsPerAddress { get; set; } = 30;

    /// <summary>Dynamic registration pages opened, and confirmed, for one LMS (the host of its <c>openid_configuration</c> URL), from any address.</summary>
    public int RegistrationsPerPlatform { get; set; } = 60;

    /// <summary>Course staff form posts (<c>/teach/…</c>: settings, deep linking, grading) from one client address.</summary>
    public int TeachPostsPerAddress { get; set; } = 600;

    /// <summary>Course staff form posts from the sessions of one platform, from any address.</summary>
    public int TeachPostsPerPlatform { get; set; } = 6000;
}

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    private const int Most = 1_000_000;

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = new List<string>();
        Check(nameof(options.LaunchesPerAddress), options.LaunchesPerAddress);
        Check(nameof(options.LaunchesPerPlatform), options.LaunchesPerPlatform);
        Check(nameof(options.RegistrationsPerAddress), options.RegistrationsPerAddress);
        Check(nameof(options.RegistrationsPerPlatform), options.RegistrationsPerPlatform);
        Check(nameof(options.TeachPostsPerAddress), options.TeachPostsPerAddress);
        Check(nameof(options.TeachPostsPerPlatform), options.TeachPostsPerPlatform);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void Check(string key, int value)
        {
            if (value is < 1 or > Most)
            {
                errors.Add($"{RateLimitOptions.SectionName}:{key} ({value}) must be between 1 and {Most} requests per minute; to switch rate limits off set {RateLimitOptions.SectionName}:Enabled=false.");
            }
        }
    }
}
