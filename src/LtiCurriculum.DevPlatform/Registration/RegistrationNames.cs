namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Names of LTI Dynamic Registration 1.0 and of the two platforms it imitates. The platform keeps its own copies of
/// these on purpose: it is an independent implementation of the platform side, so a tool bug cannot cancel itself out.
/// </summary>
internal static class RegistrationNames
{
    public const string Moodle = "moodle";
    public const string Canvas = "canvas";

    public static readonly IReadOnlyList<string> Flavours = [Moodle, Canvas];

    /// <summary>LTI Dynamic Registration 1.0 §3.6: the tool's LTI settings inside its registration.</summary>
    public const string ToolConfiguration = "https://purl.imsglobal.org/spec/lti-tool-configuration";

    /// <summary>LTI Dynamic Registration 1.0 §3.5: the platform's LTI settings inside its OpenID configuration.</summary>
    public const string PlatformConfiguration = "https://purl.imsglobal.org/spec/lti-platform-configuration";

    public const string ToolSettingsScope = "https://purl.imsglobal.org/spec/lti-ts/scope/toolsetting";

    /// <summary>The window message a tool sends its opener or parent when registration is over (LTI Dynamic Registration 1.0 §3.7).</summary>
    public const string CloseSubject = "org.imsglobal.lti.close";

    /// <summary>Moodle's registration token scope (mod/lti openid-registration).</summary>
    public const string MoodleTokenScope = "reg";

    public const string CanvasAccountName = "https://canvas.instructure.com/lti/account_name";
    public const string CanvasAccountGuid = "https://canvas.instructure.com/lti/account_lti_guid";

    public static string? Normalize(string? flavour) =>
        Flavours.FirstOrDefault(known => string.Equals(known, flavour, StringComparison.OrdinalIgnoreCase));
}
