using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Web.Packs;

/// <summary>Where a pack comes from: shipped with the tool, the institution's <c>Curriculum:PackFolder</c>, or uploaded by an administrator.</summary>
public enum PackOrigin { BuiltIn, Folder, Uploaded }

/// <summary>
/// One pack as administrators see it: what it is, where it comes from, whether it is served, and its problems.
/// <see cref="Pack"/> is null when the pack could not be loaded (then <see cref="Id"/> is its folder's or row's name).
/// </summary>
public sealed record PackEntry(
    string Id,
    PackOrigin Origin,
    ContentPack? Pack,
    IReadOnlyList<PackProblem> Problems,
    bool IsDisabled,
    bool IsRemoved,
    string? ChangedBy,
    DateTimeOffset? ChangedAt)
{
    public bool IsServed => Pack is not null && Problems.Count == 0 && !IsDisabled && !IsRemoved;

    public string Title => Pack?.Title ?? Id;
}
