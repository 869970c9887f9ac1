using Microsoft.Extensions.Logging;

namespace LtiCurriculum.DevPlatform;

/// <summary>The platform's log lines. Ids only: never a token, a hint or personal data.</summary>
internal static partial class DevPlatformLog
{
    public const string Category = "LtiCurriculum.DevPlatform";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Dev platform started a {MessageType} launch for demo user {UserKey} in course {CourseId} ({LoginStyle} login)")]
    public static partial void LaunchStarted(this ILogger logger, string messageType, string userKey, string courseId, string loginStyle);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Dev platform refused an authorization request: redirect_uri is not the tool's registered launch URL")]
    public static partial void RedirectUriRefused(this ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Dev platform answered an authorization request with OIDC error {Error}: {Reason}")]
    public static partial void AuthorizationRefused(this ILogger logger, string error, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Dev platform issued a {MessageType} id_token for demo user {UserKey}")]
    public static partial void IdTokenIssued(this ILogger logger, string messageType, string userKey);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "No IDevPlatformRegistrar is registered; the tool must already know this platform")]
    public static partial void RegistrarMissing(this ILogger logger);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Dev platform issued an access token with {ScopeCount} scopes")]
    public static partial void TokenIssued(this ILogger logger, int scopeCount);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Dev platform refused a token request with OAuth error {Error}: {Reason}")]
    public static partial void TokenRefused(this ILogger logger, string error, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Dev platform answered a score post on line item {LineItemId} with {StatusCode} ({Style} style)")]
    public static partial void ScoreAnswered(this ILogger logger, long lineItemId, int statusCode, string style);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Dev platform fault rule {RuleId} hit a {Target} request ({Kind})")]
    public static partial void FaultFired(this ILogger logger, int ruleId, string target, string kind);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Dev platform refused a deep linking response: check {Check} failed")]
    public static partial void DeepLinkingRefused(this ILogger logger, string check);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Dev platform accepted a deep linking response for course {CourseId}: {LinkCount} links made from {ItemCount} items")]
    public static partial void DeepLinkingAccepted(this ILogger logger, string courseId, int linkCount, int itemCount);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Dev platform registered a tool by dynamic registration ({Flavour}): client id {ClientId}, deployment {DeploymentId}")]
    public static partial void ToolRegistered(this ILogger logger, string flavour, string clientId, string deploymentId);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Dev platform refused a dynamic registration ({Flavour}) with {StatusCode}: {Error}")]
    public static partial void RegistrationRefused(this ILogger logger, string flavour, int statusCode, string error);
}
