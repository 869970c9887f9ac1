using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Web.Launch;

namespace LtiCurriculum.Web.Install.Profile;

/// <summary>One message the tool accepts, where an LMS should offer it, and the label it shows.</summary>
/// <param name="Placements">Canvas placement names (<c>link_selection</c>, <c>course_navigation</c>…); Moodle ignores them.</param>
public sealed record ToolMessage(string Type, string TargetLinkUri, string Label, IReadOnlyList<string> Placements);

/// <summary>
/// Everything an LMS is told about the tool, in one place: the served Canvas and Moodle configuration documents
/// and the Dynamic Registration request are all written from this, so they cannot disagree.
/// </summary>
public sealed record ToolProfile(
    string Name,
    string Description,
    string BaseUrl,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Claims,
    IReadOnlyList<ToolMessage> Messages,
    string PrivacyLevel)
{
    public const string ResourceLinkMessage = "LtiResourceLinkRequest";
    public const string DeepLinkingMessage = "LtiDeepLinkingRequest";

    public string LoginUri => BaseUrl + ToolUrls.LoginPath;
    /// <summary>The launch URL is also the only redirect URI: every message type lands there (LTI Core 1.3 §5.1.1.2).</summary>
    public string TargetLinkUri => BaseUrl + ToolUrls.LaunchPath;
    public IReadOnlyList<string> RedirectUris => [TargetLinkUri];
    public string JwksUri => BaseUrl + ToolUrls.JwksPath;
    public string LogoUri => BaseUrl + "/logo.svg";
    /// <summary>Host and, when not the default, port: what Dynamic Registration 1.0 §3.1 calls the tool's <c>domain</c>.</summary>
    public string Domain => new Uri(BaseUrl).Authority;
    /// <summary>A stable identifier Canvas keeps for the tool across developer keys (<c>tool_id</c>).</summary>
    public string ToolId => "lticurriculum";

    /// <summary>
    /// Custom parameters for every launch of the tool. None: each link carries its own (<c>module</c>, <c>points</c>…),
    /// written by Deep Linking, so a course copy keeps them.
    /// </summary>
    public IReadOnlyDictionary<string, string> CustomParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The tool as it runs at <paramref name="baseUrl"/> (scheme, host, optional port and path base, no trailing slash).</summary>
    public static ToolProfile For(string baseUrl)
    {
        var launch = baseUrl + ToolUrls.LaunchPath;
        return new ToolProfile(
            Name: "LtiCurriculum",
            Description: "Curriculum and flipped-classroom modules for medical education, with knowledge checks and grades returned to the gradebook.",
            BaseUrl: baseUrl,
            Scopes:
            [
                AgsScopes.LineItem,
                AgsScopes.LineItemReadOnly,
                AgsScopes.ResultReadOnly,
                AgsScopes.Score,
                NrpsScopes.ContextMembershipReadOnly,
            ],
            // The roster and the gradebook name people; the dashboard shows names, never e-mail addresses, but
            // instructors match students by e-mail in exports of their own LMS, so both are asked for.
            Claims: ["iss", "sub", "name", "given_name", "family_name", "email", "locale"],
            Messages:
            [
                new ToolMessage(DeepLinkingMessage, launch, "Add a LtiCurriculum module", ["link_selection", "assignment_selection"]),
                new ToolMessage(ResourceLinkMessage, launch, "LtiCurriculum", ["course_navigation"]),
            ],
            PrivacyLevel: "public");
    }

    public static ToolProfile For(HttpRequest request, ToolOptions options) => For(ToolUrls.BaseUrl(request, options));
}
