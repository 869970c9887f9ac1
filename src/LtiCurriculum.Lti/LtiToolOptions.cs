using System.ComponentModel.DataAnnotations;

namespace LtiCurriculum.Lti;

/// <summary>Protocol settings (configuration section <c>Lti</c>). Validated at start.</summary>
public sealed class LtiToolOptions
{
    public const string SectionName = "Lti";

    /// <summary>Leeway for exp, iat and nbf. Platform clocks drift and Moodle tokens live only 60 s.</summary>
    [TimeSpanRange("00:00:00", "00:05:00", ErrorMessage = "Lti:ClockSkew must be between 00:00:00 and 00:05:00.")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>An id_token issued longer ago than this (plus skew) is refused even if exp says otherwise.</summary>
    [TimeSpanRange("00:00:10", "01:00:00", ErrorMessage = "Lti:MaxTokenAge must be between 00:00:10 and 01:00:00.")]
    public TimeSpan MaxTokenAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a login initiation may wait for its launch.</summary>
    [TimeSpanRange("00:00:30", "01:00:00", ErrorMessage = "Lti:LoginStateLifetime must be between 00:00:30 and 01:00:00.")]
    public TimeSpan LoginStateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a platform's key set is trusted without asking again.</summary>
    [TimeSpanRange("00:01:00", "7.00:00:00", ErrorMessage = "Lti:JwksCacheLifetime must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan JwksCacheLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The least time between two fetches of one key set caused by a launch: an unknown kid, or a signature that does
    /// not verify with the cached key of its kid (the platform replaced the key under the same kid). Keys fetched more
    /// recently than this are trusted as they are, so forged tokens cannot make the tool hammer the platform.
    /// </summary>
    [TimeSpanRange("00:00:00", "01:00:00", ErrorMessage = "Lti:JwksRefetchInterval must be between 00:00:00 and 01:00:00.")]
    public TimeSpan JwksRefetchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest id_token accepted, in characters; larger ones are refused before any parsing.</summary>
    [Range(1024, 1_048_576, ErrorMessage = "Lti:MaxIdTokenLength must be between 1024 and 1048576.")]
    public int MaxIdTokenLength { get; set; } = 64 * 1024;

    /// <summary>
    /// LTI Core 1.3 §5.3.6.1 allows a resource-link launch without <c>sub</c>. When true such a launch
    /// is accepted (the host shows the module read-only, nothing saved or graded); deep linking always needs a user.
    /// </summary>
    public bool AllowAnonymousLaunches { get; set; } = true;

    /// <summary>
    /// When true, a verified launch from a dynamically registered platform whose deployment_id is not known yet adds
    /// that deployment (a platform registered by Dynamic Registration may create deployments later, e.g. Canvas per
    /// account or course). Off by default: an administrator adds deployments with the CLI.
    /// </summary>
    public bool AutoAddDeployments { get; set; }

    /// <summary>Whether a launch or login naming an unknown deployment of <paramref name="registration"/> may add it.</summary>
    public bool MayAddDeployment(Storage.PlatformRegistration registration) => AutoAddDeployments && registration.RegisteredDynamically;
}
