using System.Runtime.CompilerServices;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Web.Sessions;

namespace LtiCurriculum.Web.Learn;

/// <summary>
/// A learner's choice of the language a module is shown in. The launch locale picks it first
/// (<see cref="LocalizedModule.LanguageOf"/>); choosing another re-issues the session with that locale, so the choice
/// travels wherever the session token goes (query, form, header) and needs no cookie.
/// </summary>
public static class LanguageChoice
{
    public const string Path = "/learn/language";
    public const string FieldName = "lang";
    private const string English = "en";

    // Each language named in itself, so a reader finds theirs whatever the page's language.
    private static readonly Dictionary<string, string> OwnNames = new(StringComparer.Ordinal)
    {
        [English] = "English",
        ["es"] = "Español",
        [LocalizedModule.SimplifiedChinese] = "简体中文",
    };

    public static string NameOf(string language) => OwnNames.GetValueOrDefault(language, language);

    // A loaded module never changes (a new pack version is a new object): its lists are worked out once, not per page.
    private static readonly ConditionalWeakTable<LocalizedModule, Languages> Known = new();

    /// <summary>Every language the module can be read in: English, then its translations.</summary>
    public static IReadOnlyList<string> LanguagesOf(LocalizedModule module) => LanguagesFor(module).All;

    /// <summary>The module's languages other than the one it is shown in.</summary>
    public static IReadOnlyList<string> OthersThan(LocalizedModule module, string shown)
    {
        var languages = LanguagesFor(module);
        return languages.Others.TryGetValue(shown, out var others) ? others : languages.All;
    }

    private static Languages LanguagesFor(LocalizedModule module) => Known.GetValue(module, static m =>
    {
        string[] all = [English, .. m.Translations.Keys.Where(l => l != English).Order(StringComparer.Ordinal)];
        return new Languages(all, all.ToDictionary(l => l, l => all.Where(other => other != l).ToArray(), StringComparer.Ordinal));
    });

    private sealed record Languages(string[] All, Dictionary<string, string[]> Others);

    internal static async Task<IResult> ChooseAsync(HttpContext http, LearnerRequest request, LaunchSessionTokens tokens)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (request.Module is null)
        {
            return LearnRoutes.Problem(http, request, "module_not_set", 409, "This activity has no module yet, so there is no language to choose.");
        }
        var language = form[FieldName].ToString();
        var offered = LanguagesOf(request.Module);
        if (!offered.Contains(language, StringComparer.Ordinal))
        {
            var named = language.Length == 0 ? "no language" : $"'{(language.Length > 32 ? language[..32] + "…" : language)}'";
            return LearnRoutes.Problem(http, request, "language_unavailable", 400,
                $"The form asked for {named}, but this module is available in {string.Join(", ", offered)} only ({FieldName}=).");
        }
        var issued = tokens.Issue(request.Session with { Locale = language });
        SessionCarrier.SetCookie(http.Response, issued.Token, issued.ExpiresAt);
        http.Response.Headers[SessionCarrier.HeaderName] = issued.Token;
        return LearnRoutes.See($"{LearnRoutes.ModulePath}?{SessionCarrier.FieldName}={Uri.EscapeDataString(issued.Token)}");
    }
}
