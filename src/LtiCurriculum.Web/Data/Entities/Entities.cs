namespace LtiCurriculum.Web.Data.Entities;

/// <summary>A platform registration: one issuer + client id pair.</summary>
public sealed class PlatformEntity
{
    public const int IssuerMaxLength = 512;

    public int Id { get; set; }
    public required string Issuer { get; set; }
    public required string ClientId { get; set; }
    public required string AuthorizationEndpoint { get; set; }
    public required string TokenEndpoint { get; set; }
    public required string JwksUri { get; set; }
    /// <summary>The platform's <c>authorization_server</c>, when its token endpoint wants that as the assertion audience.</summary>
    public string? TokenAudience { get; set; }
    /// <summary>Where it came from: "configuration", "cli", "registration" (LTI Dynamic Registration), "dev-platform".</summary>
    public required string Source { get; set; }
    /// <summary>A disabled platform's logins and launches are refused and its grades wait; nothing is deleted.</summary>
    public bool IsDisabled { get; set; }
    /// <summary><c>product_family_code</c> from the platform's OpenID configuration ("canvas", "moodle", …), when registered dynamically.</summary>
    public string? ProductFamily { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<DeploymentEntity> Deployments { get; set; } = [];
}

public sealed class DeploymentEntity
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public required string DeploymentId { get; set; }
}

/// <summary>Login state waiting for its launch; consumed (deleted) once.</summary>
public sealed class LoginStateEntity
{
    public required string StateHash { get; set; }
    public required string Nonce { get; set; }
    public int PlatformId { get; set; }
    public required string Issuer { get; set; }
    public required string ClientId { get; set; }
    public string? DeploymentIdHint { get; set; }
    public required string TargetLinkUri { get; set; }
    public required string BrowserBindingHash { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>The tool's own RSA key; the private part is encrypted with Data Protection.</summary>
public sealed class ToolKeyEntity
{
    public required string KeyId { get; set; }
    public required string ProtectedPrivateKey { get; set; }
    /// <summary>Signs tool messages now. Exactly one key is current.</summary>
    public bool IsCurrent { get; set; }
    /// <summary>Published ahead of use, so platforms that cache the JWKS know it before it signs: the next rotation makes it current.</summary>
    public bool IsNext { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When it stopped signing; it stays published for <c>Keys:RetiredKeyGrace</c> after this, then leaves the JWKS.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

public sealed class LtiUserEntity
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public required string Subject { get; set; }
    public string? Name { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? Email { get; set; }
    public DateTimeOffset LastLaunchAt { get; set; }
}

public sealed class LtiContextEntity
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public required string DeploymentId { get; set; }
    public required string ContextId { get; set; }
    public string? Label { get; set; }
    public string? Title { get; set; }
    public string? MembershipsUrl { get; set; }
    public DateTimeOffset LastLaunchAt { get; set; }
}

public sealed class ResourceLinkEntity
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public required string DeploymentId { get; set; }
    public required string ResourceLinkId { get; set; }
    public int? ContextDbId { get; set; }
    public LtiContextEntity? Context { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? LineItemUrl { get; set; }
    public string? LineItemsUrl { get; set; }
    public string? AgsScopes { get; set; }
    /// <summary>The module named by the link's custom parameter <c>module</c> (written by deep linking or an LMS admin); wins over the binding.</summary>
    public string? CustomModuleId { get; set; }
    /// <summary>The module an instructor chose in the tool; wins over <see cref="CustomModuleId"/>.</summary>
    public string? BoundModuleId { get; set; }
    /// <summary>The link's assignment settings from its custom parameters (JSON of the raw values; deep linking writes them).</summary>
    public string? CustomParameters { get; set; }
    /// <summary>Settings an instructor saved in the tool (JSON); each value set wins over the custom parameters.</summary>
    public string? InstructorSettings { get; set; }
    /// <summary><c>tool_platform.product_family_code</c> of the last launch ("canvas", "moodle", …): grade delivery adapts to it.</summary>
    public string? ProductFamily { get; set; }
    /// <summary>The line item scores go to: the launch's coupled one, or the one found or created in the container.</summary>
    public string? ResolvedLineItemUrl { get; set; }
    /// <summary>Held by the instance finding or creating the line item, so two never create one each.</summary>
    public DateTimeOffset? LineItemLockUntil { get; set; }
    public DateTimeOffset LastLaunchAt { get; set; }
}

public enum AttemptStatus { InProgress = 0, Submitted = 1 }

/// <summary>
/// One learner's try at one module in one resource link. The link fixes platform, deployment and context;
/// the user fixes the person. Numbered from 1 per (link, user); (link, user, number) is unique.
/// </summary>
public sealed class AttemptEntity
{
    public int Id { get; set; }
    public int ResourceLinkDbId { get; set; }
    public int UserDbId { get; set; }
    public required string ModuleId { get; set; }
    /// <summary>The module's content hash when the attempt began: the attempt is shown, answered and scored on that version.</summary>
    public string? ModuleVersion { get; set; }
    public int Number { get; set; }
    public AttemptStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public decimal? ScoreGiven { get; set; }
    public decimal? ScoreMaximum { get; set; }
    /// <summary>Submitted with reflections the instructor still has to grade.</summary>
    public bool AwaitingInstructor { get; set; }
    /// <summary>The instructor's comment to the learner, sent with the score (AGS 2.0 score <c>comment</c>).</summary>
    public string? InstructorComment { get; set; }
    public List<AnswerEntity> Answers { get; set; } = [];
}

/// <summary>A learner's current answer to one question of an attempt, in <c>AnswerFormat</c>'s text form.</summary>
public sealed class AnswerEntity
{
    public int AttemptId { get; set; }
    public required string QuestionId { get; set; }
    public required string Value { get; set; }
    /// <summary>Points an instructor gave an instructor-graded reflection.</summary>
    public decimal? InstructorPoints { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A deep-linking launch waiting for the instructor's choice: what the response must echo and honour
/// (Deep Linking 2.0 §4.4.1 settings, deployment, <c>data</c>). Single use: deleted when the response is sent.
/// </summary>
public sealed class DeepLinkingRequestEntity
{
    public required string Id { get; set; }
    public int PlatformId { get; set; }
    public required string Issuer { get; set; }
    public required string ClientId { get; set; }
    public required string DeploymentId { get; set; }
    public int? ContextDbId { get; set; }
    public int? UserDbId { get; set; }
    /// <summary>The deep_linking_settings claim as JSON.</summary>
    public required string Settings { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>One administrative change: who or what made it, when, and to what. Written in the change's own transaction.</summary>
public sealed class AuditEntryEntity
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>What made the change: <c>cli</c>, <c>registration</c>, <c>configuration</c>, <c>launch</c>, <c>dev-platform</c>.</summary>
    public required string Actor { get; set; }
    /// <summary>The command or event, e.g. <c>platforms add</c>, <c>keys rotate</c>, <c>dynamic registration</c>.</summary>
    public required string Action { get; set; }
    /// <summary>What it changed, e.g. the issuer and client id, or a key id.</summary>
    public required string Subject { get; set; }
    /// <summary>Anything else worth knowing later (never a secret or a token).</summary>
    public string? Details { get; set; }
}

/// <summary>A tool-wide value administrators set through the CLI, such as the dynamic registration secret.</summary>
public sealed class ToolSettingEntity
{
    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A dynamic registration between the platform's configuration being read and the admin's confirmation
/// (LTI Dynamic Registration 1.0 §3). Single use: completing it sets <see cref="CompletedAt"/> once.
/// </summary>
public sealed class PendingRegistrationEntity
{
    /// <summary>Random, unguessable: the confirmation form carries it.</summary>
    public required string Id { get; set; }
    public required string OpenIdConfigurationUrl { get; set; }
    /// <summary>The platform's bearer token for the registration endpoint, when it sent one.</summary>
    public string? RegistrationToken { get; set; }
    /// <summary>The platform's OpenID configuration as fetched (JSON).</summary>
    public required string PlatformConfiguration { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>The platform row the registration created or updated.</summary>
    public int? PlatformId { get; set; }
}
