namespace LtiCurriculum.Lti.Nrps;

/// <summary>
/// Filters of a membership request (NRPS 2.0): <paramref name="ResourceLinkId"/> (<c>rlid</c>, the resource link
/// membership service) limits the members to those who can reach that link, <paramref name="Role"/> to one role
/// (a full URI or short name), <paramref name="Limit"/> asks for pages of that size (the platform may ignore it).
/// </summary>
public sealed record MembershipQuery(string? ResourceLinkId = null, string? Role = null, int? Limit = null);
