using LtiCurriculum.Curriculum.Loading;

namespace LtiCurriculum.Web.Authoring;

/// <summary>
/// What one reload of the watched folder gave: per institution pack "reloaded pack X: N modules", or the version kept,
/// and every problem as <c>file:line: message</c>.
/// </summary>
public sealed record PackReloadReport(long Number, IReadOnlyList<string> Lines, IReadOnlyList<string> Problems)
{
    public static PackReloadReport Of(ContentCatalogue catalogue, long number)
    {
        var lines = new List<string>();
        var heldBack = catalogue.HeldBack.Select(h => h.Pack).ToHashSet();
        foreach (var pack in catalogue.Packs.Where(p => !p.IsBuiltIn && !heldBack.Contains(p)))
        {
            lines.Add($"reloaded pack {pack.Id}: {pack.Modules.Count} modules");
        }
        foreach (var held in catalogue.HeldBack)
        {
            lines.Add($"pack {held.Pack!.Id} has problems; still serving its last working version ({held.Pack.Modules.Count} modules)");
            lines.AddRange(held.Problems.Select(p => p.ToString()));
        }
        foreach (var refused in catalogue.Refused)
        {
            lines.Add($"refused {refused.Folder}: it serves nothing");
            lines.AddRange(refused.Problems.Select(p => p.ToString()));
        }
        var problems = catalogue.HeldBack.Concat(catalogue.Refused).SelectMany(r => r.Problems).Select(p => p.ToString()).ToList();
        return new PackReloadReport(number, lines, problems);
    }
}
