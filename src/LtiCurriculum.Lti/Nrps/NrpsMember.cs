using LtiCurriculum.Lti.Claims;

namespace LtiCurriculum.Lti.Nrps;

/// <summary>
/// One member of a context (NRPS 2.0 membership container). <see cref="Roles"/> is <see cref="RoleUris"/> read with the same
/// mapping as launches (<see cref="LtiRoles"/>). Personal data is present only when the platform shares it.
/// </summary>
public sealed record NrpsMember
{
    public required string UserId { get; init; }
    public MemberStatus Status { get; init; }
    public required IReadOnlyList<string> RoleUris { get; init; }
    public LtiRole Roles { get; init; }
    public string? Name { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? Email { get; init; }
    public string? LisPersonSourcedId { get; init; }
    public string? Picture { get; init; }
}
