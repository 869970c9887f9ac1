namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Implemented by the host when it watches a pack folder (<c>packs watch</c>): the modules the home page offers in the
/// course "Packs being watched", and the problems of the latest files. When none is registered in DI there is no such course.
/// </summary>
public interface IDevPlatformWatchedPacks
{
    WatchedPacks Current { get; }
}

/// <summary>The watched packs' served modules, and each problem as <c>file:line: message</c>.</summary>
public sealed record WatchedPacks(IReadOnlyList<WatchedModule> Modules, IReadOnlyList<string> Problems);

/// <summary>A module of a watched pack; its resource link names it in the custom parameter <c>module</c>.</summary>
public sealed record WatchedModule(string Id, string Title);
