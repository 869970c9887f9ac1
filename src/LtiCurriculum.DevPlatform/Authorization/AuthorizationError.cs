namespace LtiCurriculum.DevPlatform;

/// <summary>An OIDC error response: the <c>error</c> code and a sentence for the developer.</summary>
internal sealed record AuthorizationError(string Code, string Description);
