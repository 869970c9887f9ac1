namespace LtiCurriculum.DevPlatform;

/// <summary>How the platform sends the browser to the tool's login initiation endpoint.</summary>
internal static class LoginStyles
{
    /// <summary>Moodle: an auto-submitted POST form.</summary>
    public const string Post = "post";

    /// <summary>Canvas: a 302 GET redirect that also carries canvas_region, canvas_environment and lti_storage_target.</summary>
    public const string Get = "get";

    /// <summary>The style in its canonical spelling, or null when the value is neither style.</summary>
    public static string? Normalize(string? value) =>
        string.Equals(value, Post, StringComparison.OrdinalIgnoreCase) ? Post
        : string.Equals(value, Get, StringComparison.OrdinalIgnoreCase) ? Get
        : null;
}
