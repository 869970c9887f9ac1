namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The AGS endpoint claim (<c>https://purl.imsglobal.org/spec/lti-ags/claim/endpoint</c>): the granted scopes, the
/// course's line item container and, when the platform couples one to the resource link, that line item.
/// </summary>
public sealed record AgsEndpointClaim(IReadOnlyList<string> Scope, string? LineItems, string? LineItem = null);
