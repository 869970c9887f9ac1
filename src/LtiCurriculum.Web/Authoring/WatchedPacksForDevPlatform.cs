using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.DevPlatform;

namespace LtiCurriculum.Web.Authoring;

/// <summary>What the development platform's "Packs being watched" lists: the institution packs' modules served now, and the problems.</summary>
internal sealed class WatchedPacksForDevPlatform(ContentCatalogue catalogue, PackWatcher watcher) : IDevPlatformWatchedPacks
{
    public WatchedPacks Current => new(
        [.. catalogue.Packs.Where(p => !p.IsBuiltIn).SelectMany(p => p.Modules).Select(m => new WatchedModule(m.Id, m.English.Title))],
        watcher.Last.Problems);
}
