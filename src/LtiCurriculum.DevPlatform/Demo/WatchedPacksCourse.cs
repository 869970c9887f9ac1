namespace LtiCurriculum.DevPlatform;

/// <summary>The course whose resource links are the watched packs' modules, made afresh from what the host serves now.</summary>
internal static class WatchedPacksCourse
{
    public const string Id = "watched-packs";

    public static DemoCourse From(WatchedPacks watched) => new(Id, "WATCH", "Packs being watched",
        [.. watched.Modules.Select(module => new DemoLink(
            "watch-" + module.Id, module.Title, new Dictionary<string, string>(StringComparer.Ordinal) { ["module"] = module.Id }))]);
}
