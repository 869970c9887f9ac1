namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Names of Deep Linking 2.0 (§4.2 response claims, §3 content item types). The development platform keeps its own
/// copies of the spec's names on purpose: it is an independent implementation of the platform side, so a bug in the
/// tool's protocol code cannot cancel itself out in a test.
/// </summary>
internal static class DeepLinkingNames
{
    public const string ResponseMessageType = "LtiDeepLinkingResponse";

    private const string Claim = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    public const string ContentItems = Claim + "content_items";
    public const string Data = Claim + "data";
    public const string Message = Claim + "msg";
    public const string Log = Claim + "log";
    public const string ErrorMessage = Claim + "errormsg";
    public const string ErrorLog = Claim + "errorlog";

    /// <summary>Deep Linking 2.0 §3.1: the only type that becomes a launchable link here.</summary>
    public const string ResourceLinkType = "ltiResourceLink";

    /// <summary>The other types Deep Linking 2.0 §3 defines: listed, never launched.</summary>
    public static readonly IReadOnlyList<string> OtherKnownTypes = ["link", "file", "html", "image"];
}
