using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LtiCurriculum.Web.Install.Platforms;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary>
/// Every option and argument of the admin commands, each declared once with its help text and shared by the
/// commands that take it. One instance per command tree: a symbol belongs to the tree it was added to.
/// </summary>
public sealed class CliOptions
{
    public Option<string?> Issuer { get; } = new("--issuer") { Description = "The platform's issuer (iss), exactly as the LMS sends it, e.g. https://canvas.instructure.com.", HelpName = "URL" };
    public Option<string?> ClientId { get; } = new("--client-id") { Description = "The client id the LMS gave this tool.", HelpName = "ID" };
    public Option<int?> Id { get; } = PositiveNumber("--id", "The platform's number from 'platforms list' (instead of --issuer and --client-id).");
    public Option<string?> AuthorizationEndpoint { get; } = new("--authorization-endpoint") { Description = "The LMS's OIDC authorization endpoint (where logins are sent).", HelpName = "URL" };
    public Option<string?> TokenEndpoint { get; } = new("--token-endpoint") { Description = "The LMS's OAuth 2 token endpoint (for grades and rosters).", HelpName = "URL" };
    public Option<string?> TokenAudience { get; } = new("--token-audience") { Description = "Optional: the LMS's authorization_server, when its token endpoint wants that as the assertion audience.", HelpName = "AUD" };
    public Option<string?> JwksUri { get; } = new("--jwks-uri") { Description = "The LMS's public key set (JWKS) URL.", HelpName = "URL" };
    public Option<string[]> DeploymentIds { get; } = new("--deployment-id") { Description = "A deployment id the LMS shows after the tool is installed; repeat the option for several.", HelpName = "ID" };
    public Option<bool> Force { get; } = new("--force") { Description = "Also delete the learners' data the tool holds for this platform (users, courses, links, attempts, scores)." };

    public Argument<string> KeyId { get; } = new("KID") { Description = "A key id from 'keys list'." };

    public Option<bool> Rotate { get; } = new("--rotate") { Description = "Make a new registration secret first; URLs given out before stop working." };
    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "The tool's public address, e.g. https://lti.example.edu (default: the Tool:PublicBaseUrl setting).", HelpName = "URL" };

    public Option<bool> ListMigrations { get; } = new("--list") { Description = "Only show which migrations are applied and which are pending; change nothing." };

    public Option<bool> MigrationScript { get; } = new("--script") { Description = "Print the idempotent SQL script of every migration for the configured provider (for a DBA to review and run); change nothing." };

    public Argument<string> Folder { get; } = new("FOLDER") { Description = "A pack folder (with pack.yaml) or a folder of pack folders." };
    public Argument<string> PackName { get; } = new("NAME") { Description = "The new pack's id and folder name: lower-case letters, digits and hyphens, e.g. cardiology-prework." };
    public Option<string?> OutputFolder { get; } = new("--output") { Description = "The existing folder to make the pack in (default: the current folder).", HelpName = "DIR" };

    public Option<string> Status { get; } = GradeStatusOption();
    public Option<int?> Platform { get; } = PositiveNumber("--platform", "Only scores for this platform (its number from 'platforms list').");
    public Option<int?> Limit { get; } = PositiveNumber("--limit", "Show at most this many scores (default 200).");
    public Option<bool> All { get; } = new("--all") { Description = "Every score that needs attention (with --platform: that platform's)." };
    public Argument<string[]> ScoreIds { get; } = new("ID") { Description = "Score ids from 'grades list'.", Arity = ArgumentArity.ZeroOrMore };

    public Option<int?> Take { get; } = PositiveNumber("--take", "Show the newest N entries (default 50).");

    /// <summary>The platform the command acts on, from --id or from --issuer and --client-id.</summary>
    public PlatformRef PlatformOf(ParseResult parse) => new(parse.GetValue(Id), parse.GetValue(Issuer), parse.GetValue(ClientId));

    /// <summary>Adds the identifying options to a command, with the rule that exactly one way is used.</summary>
    public void IdentifiesPlatform(Command command)
    {
        command.Options.Add(Id);
        command.Options.Add(Issuer);
        command.Options.Add(ClientId);
        command.Validators.Add(result =>
        {
            var hasId = result.GetResult(Id) is not null;
            var hasIssuer = result.GetResult(Issuer) is not null;
            var hasClient = result.GetResult(ClientId) is not null;
            if (hasId && (hasIssuer || hasClient))
            {
                result.AddError("Name the platform either with --id or with --issuer and --client-id, not both.");
            }
            else if (!hasId && !(hasIssuer && hasClient))
            {
                result.AddError("Name the platform with --id N (from 'platforms list'), or with both --issuer and --client-id.");
            }
        });
    }

    private static Option<int?> PositiveNumber(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }
            result.AddError($"{name} must be a positive whole number, not '{text}'.");
            return null;
        },
    };

    private static Option<string> GradeStatusOption()
    {
        var option = new Option<string>("--status")
        {
            Description = "Which scores: " + string.Join(", ", GradeCommands.StatusNames) + " (default needs-attention).",
            HelpName = "STATUS",
            DefaultValueFactory = _ => "needs-attention",
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!GradeCommands.StatusNames.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--status '{value}' is not one of {string.Join(", ", GradeCommands.StatusNames)}.");
            }
        });
        return option;
    }
}
