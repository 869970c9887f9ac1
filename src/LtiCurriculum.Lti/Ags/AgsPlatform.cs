namespace LtiCurriculum.Lti.Ags;

/// <summary>
/// What the token client needs to know about one platform registration. <paramref name="TokenAudience"/> is the
/// platform's advertised <c>authorization_server</c> when it has one; otherwise the assertion's aud is the exact
/// <paramref name="TokenEndpoint"/> string as registered.
/// </summary>
public sealed record AgsPlatform(int PlatformId, string ClientId, string TokenEndpoint, string? TokenAudience = null);
