using System.ComponentModel.DataAnnotations;

namespace LtiCurriculum.Lti.Registration;

/// <summary>Dynamic registration settings (configuration section <c>Registration</c>). Validated at start.</summary>
public sealed class RegistrationOptions
{
    public const string SectionName = "Registration";

    /// <summary>
    /// Lets the tool read a platform over plain http and at a loopback address (127.0.0.1, ::1, localhost), for the
    /// development platform on this machine. Private, link-local and unique-local addresses stay refused. Off by default.
    /// </summary>
    public bool AllowInsecureLoopback { get; set; }

    /// <summary>How long the platform's OpenID configuration may take to arrive.</summary>
    [TimeSpanRange("00:00:00.050", "00:01:00", ErrorMessage = "Registration:ConfigurationTimeout must be between 00:00:00.050 and 00:01:00.")]
    public TimeSpan ConfigurationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the platform's registration endpoint may take to answer.</summary>
    [TimeSpanRange("00:00:00.050", "00:01:00", ErrorMessage = "Registration:RegistrationTimeout must be between 00:00:00.050 and 00:01:00.")]
    public TimeSpan RegistrationTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The most the tool reads of any platform answer; a configuration document is a few KiB.</summary>
    public const int MaxResponseBytes = 256 * 1024;
}
