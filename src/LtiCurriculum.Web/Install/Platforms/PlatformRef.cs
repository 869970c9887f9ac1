using LtiCurriculum.Web.Data.Entities;

namespace LtiCurriculum.Web.Install.Platforms;

/// <summary>How an admin names a platform: its number from <c>platforms list</c>, or its issuer and client id.</summary>
public sealed record PlatformRef(int? Id, string? Issuer, string? ClientId)
{
    public IQueryable<PlatformEntity> In(IQueryable<PlatformEntity> platforms) => Id is { } id
        ? platforms.Where(p => p.Id == id)
        : platforms.Where(p => p.Issuer == Issuer && p.ClientId == ClientId);

    public override string ToString() => Id is { } id ? $"platform {id}" : $"issuer '{Issuer}' with client id '{ClientId}'";
}

public enum PlatformOutcome
{
    Done,
    /// <summary>Nothing to do: the platform was already in the asked state.</summary>
    Unchanged,
    NotFound,
    /// <summary>The change broke a rule; <see cref="PlatformChange.Problems"/> says which.</summary>
    Invalid,
    /// <summary>A platform with this issuer and client id is already registered.</summary>
    Exists,
    /// <summary>Removing it would delete learners' data; <see cref="PlatformChange.Data"/> counts it.</summary>
    HasLearnerData,
}

/// <summary>What a change did, or why it did nothing.</summary>
public sealed record PlatformChange(PlatformOutcome Outcome, PlatformEntity? Platform = null, IReadOnlyList<string>? Problems = null, PlatformData? Data = null)
{
    public static PlatformChange Invalid(IReadOnlyList<string> problems) => new(PlatformOutcome.Invalid, Problems: problems);
}
