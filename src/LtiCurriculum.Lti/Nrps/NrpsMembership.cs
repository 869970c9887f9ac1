using LtiCurriculum.Lti.Claims;

namespace LtiCurriculum.Lti.Nrps;

/// <summary>
/// A context's membership, every page read. <see cref="IsComplete"/> is false when reading stopped early (a next
/// page on another origin, more pages or members than the client reads); the members read so far are kept.
/// </summary>
public sealed record NrpsMembership(string? Id, ContextClaim? Context, IReadOnlyList<NrpsMember> Members, bool IsComplete);
