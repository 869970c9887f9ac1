using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;

namespace LtiCurriculum.Web.Teach.DeepLinking;

/// <summary>The picker's search and filters, read from the query; unknown values mean "any".</summary>
public sealed record CatalogueFilter(string Search, string Pack, string Kind, string Length, string Language)
{
    public static readonly string[] Lengths = ["short", "medium", "long"];

    public static CatalogueFilter Read(IQueryCollection query)
    {
        static string Value(IQueryCollection query, string name, int max = 100)
        {
            var value = query[name].ToString().Trim();
            return value.Length > max ? value[..max] : value;
        }
        return new(Value(query, "q"), Value(query, "pack"), Value(query, "kind"), Value(query, "length"), Value(query, "lang"));
    }

    public IEnumerable<(ContentPack Pack, LocalizedModule Module)> Apply(ContentCatalogue catalogue)
    {
        foreach (var pack in catalogue.Packs)
        {
            if (Pack.Length > 0 && pack.Id != Pack) continue;
            foreach (var module in pack.Modules)
            {
                if (Matches(module)) yield return (pack, module);
            }
        }
    }

    private bool Matches(LocalizedModule localized)
    {
        var module = localized.English;
        if (Kind == "prework" && module.Kind != ModuleKind.Prework) return false;
        if (Kind == "module" && module.Kind != ModuleKind.Module) return false;
        if (Length == "short" && module.Minutes > 20) return false;
        if (Length == "medium" && module.Minutes is <= 20 or > 40) return false;
        if (Length == "long" && module.Minutes <= 40) return false;
        if (Language.Length > 0 && Language != "en" && !localized.Translations.ContainsKey(Language)) return false;
        if (Search.Length == 0) return true;
        return Contains(module.Title) || Contains(module.Id) || module.Objectives.Any(Contains)
            || localized.Translations.Values.Any(t => Contains(t.Title));
    }

    private bool Contains(string text) => text.Contains(Search, StringComparison.CurrentCultureIgnoreCase);

    public string Query => string.Join('&', new[] { ("q", Search), ("pack", Pack), ("kind", Kind), ("length", Length), ("lang", Language) }
        .Where(p => p.Item2.Length > 0).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
}
