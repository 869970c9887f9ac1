namespace LtiCurriculum.DevPlatform;

/// <summary>What a tool needs to know about this platform, derived from the origin of the current request.</summary>
public sealed record DevPlatformRegistration(
    string Issuer,
    string ClientId,
    string AuthorizationEndpoint,
    string TokenEndpoint,
    string JwksUri,
    string DeploymentId);
