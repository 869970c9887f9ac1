using System.Text.Json;
using System.Text.Json.Serialization;
using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Web.Install.Profile;

namespace LtiCurriculum.Web.Install.Config;

/// <summary>One field of Moodle's "Configure a tool manually" form and what to put in it.</summary>
/// <param name="Value">The exact text to enter or option to choose; null when the field is left as Moodle fills it.</param>
public sealed record MoodleField(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("note")] string? Note = null);

public sealed record MoodleSection(
    [property: JsonPropertyName("heading")] string Heading,
    [property: JsonPropertyName("fields")] IReadOnlyList<MoodleField> Fields);

/// <summary>A value Moodle shows after saving ("View configuration details") that the tool must be told, and the CLI option for it.</summary>
public sealed record MoodleIssuedValue(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("option")] string Option,
    [property: JsonPropertyName("example")] string Example);

/// <summary>
/// The Moodle 4.x/5.x manual tool configuration (Site administration → Plugins → Activity modules → External tool →
/// Manage tools → configure a tool manually), every value written from the <see cref="ToolProfile"/>.
/// </summary>
public sealed record MoodleManualConfiguration(
    [property: JsonPropertyName("toolUrl")] string ToolUrl,
    [property: JsonPropertyName("sections")] IReadOnlyList<MoodleSection> Sections,
    [property: JsonPropertyName("issuedByMoodle")] IReadOnlyList<MoodleIssuedValue> IssuedByMoodle,
    [property: JsonPropertyName("registerCommand")] string RegisterCommand)
{
    // Moodle's own option labels (mod/lti language strings), so the admin finds them as written.
    public const string GradeSyncAndColumns = "Use this service for grade sync and column management";
    public const string GradeSyncOnly = "Use this service for grade sync only";
    public const string MembersService = "Use this service to retrieve members' information as per privacy settings";
    public const string NotUsed = "Do not use this service";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static MoodleManualConfiguration For(ToolProfile tool)
    {
        var deepLinking = tool.Messages.FirstOrDefault(m => m.Type == ToolProfile.DeepLinkingMessage);
        var sendsScores = tool.Scopes.Contains(AgsScopes.Score);
        IReadOnlyList<MoodleIssuedValue> issued =
        [
            new("Platform ID", "--issuer", "https://moodle.example.edu"),
            new("Client ID", "--client-id", "AbC123xYz"),
            new("Deployment ID", "--deployment-id", "3"),
            new("Public keyset URL", "--jwks-uri", "https://moodle.example.edu/mod/lti/certs.php"),
            new("Access token URL", "--token-endpoint", "https://moodle.example.edu/mod/lti/token.php"),
            new("Authentication request URL", "--authorization-endpoint", "https://moodle.example.edu/mod/lti/auth.php"),
        ];
        return new MoodleManualConfiguration(
            ToolUrl: tool.BaseUrl,
            Sections:
            [
                new("Tool settings",
                [
                    new("Tool name", tool.Name),
                    new("Tool URL", tool.TargetLinkUri),
                    new("Tool description", tool.Description),
                    new("LTI version", "LTI 1.3"),
                    new("Client ID", null, "Leave it: Moodle generates the client ID when you save."),
                    new("Public key type", "Keyset URL"),
                    new("Public keyset", tool.JwksUri, "The tool publishes its current and next keys here, so key rotation needs no change in Moodle."),
                    new("Initiate login URL", tool.LoginUri),
                    new("Redirection URI(s)", string.Join('\n', tool.RedirectUris), "One per line; Moodle compares them exactly."),
                    new("Custom parameters", FormatCustom(tool.CustomParameters),
                        "Each activity gets its own (module, points, attempts…) from Deep Linking."),
                    new("Tool configuration usage", "Show in activity chooser and as a preconfigured tool"),
                    new("Default launch container", "Embed, without blocks"),
                    new("Supports Deep Linking (Content-Item Message)", deepLinking is null ? "No" : "Yes (ticked)"),
                    new("Content Selection URL", deepLinking?.TargetLinkUri),
                    new("Icon URL", tool.LogoUri),
                    new("Secure icon URL", tool.LogoUri),
                ]),
                new("Services",
                [
                    new("IMS LTI Assignment and Grade Services",
                        tool.Scopes.Contains(AgsScopes.LineItem) ? GradeSyncAndColumns : sendsScores ? GradeSyncOnly : NotUsed,
                        "Lets the tool create the gradebook column of a link and send scores."),
                    new("IMS LTI Names and Role Provisioning",
                        tool.Scopes.Contains(NrpsScopes.ContextMembershipReadOnly) ? MembersService : NotUsed,
                        "The class readiness dashboard reads the course's roster."),
                    new("Tool Settings", NotUsed, "The tool keeps its settings itself."),
                ]),
                new("Privacy",
                [
                    new("Share launcher's name with tool", tool.Claims.Contains("name") ? "Always" : "Never"),
                    new("Share launcher's email with tool", tool.Claims.Contains("email") ? "Always" : "Never"),
                    new("Accept grades from the tool", sendsScores ? "Always" : "Never",
                        "Or \"Delegate to teacher\" and switch it on in each activity."),
                ]),
            ],
            IssuedByMoodle: issued,
            RegisterCommand: "dotnet LtiCurriculum.Web.dll platforms add " + string.Join(' ', issued
                .OrderBy(v => Array.IndexOf(CliOrder, v.Option))
                .Select(v => $"{v.Option} \"<{v.Label}>\"")));
    }

    /// <summary>The order of the options in <c>platforms add</c>'s usage line.</summary>
    private static readonly string[] CliOrder = ["--issuer", "--client-id", "--authorization-endpoint", "--token-endpoint", "--jwks-uri", "--deployment-id"];

    /// <summary>Moodle's Custom parameters box: one <c>name=value</c> per line; null when there are none.</summary>
    private static string? FormatCustom(IReadOnlyDictionary<string, string> parameters) =>
        parameters.Count == 0 ? null : string.Join('\n', parameters.Select(p => $"{p.Key}={p.Value}"));

    public string ToJson() => JsonSerializer.Serialize(this, Indented);
}
