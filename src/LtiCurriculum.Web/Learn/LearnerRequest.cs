using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Launch;
using LtiCurriculum.Web.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LtiCurriculum.Web.Learn;

/// <summary>The link a learner page is about, and the module the link shows.</summary>
public sealed record LinkFacts(int Id, string? Title, string? CourseTitle, string? CustomModuleId, string? BoundModuleId)
{
    /// <summary>The LMS's custom parameter wins; the instructor's choice applies when the link names none.</summary>
    public string? ModuleId => CustomModuleId ?? BoundModuleId;
}

/// <summary>Everything a learner endpoint needs after the session checks: who, where, in which words, which module.</summary>
public sealed record LearnerRequest(LaunchSession Session, string Token, LearnText Text, LinkFacts Link, LocalizedModule? Module)
{
    public int LinkId => Link.Id;
    public int UserId => Session.UserDbId ?? 0;
    public string Query => $"{SessionCarrier.FieldName}={Uri.EscapeDataString(Token)}";
    public Module? Content => Module?.For(Session.Locale);
}

/// <summary>
/// Reads the session of a /learn request, renews it, and finds the link and its module. A link's module
/// changes rarely (a relaunch with another custom parameter, an instructor's choice), so link facts are
/// kept for <see cref="LinkCacheLifetime"/>; this instance forgets them at once when it writes them.
/// </summary>
public sealed class LearnerRequests(LaunchSessionTokens tokens, IDbContextFactory<LtiDbContext> contexts, ContentCatalogue catalogue) : IDisposable
{
    public static readonly TimeSpan LinkCacheLifetime = TimeSpan.FromSeconds(10);
    private readonly MemoryCache _links = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public void Forget(int linkId) => _links.Remove(linkId);

    public void Dispose() => _links.Dispose();

    private async Task<LinkFacts?> FindLinkAsync(int linkId)
    {
        if (_links.TryGetValue(linkId, out LinkFacts? known))
        {
            return known;
        }
        await using var db = contexts.CreateDbContext();
        var link = await FindLink(db, linkId);
        if (link is not null)
        {
            _links.Set(linkId, link, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = LinkCacheLifetime });
        }
        return link;
    }

    public async Task<(LearnerRequest? Request, IResult? Refusal)> ResolveAsync(HttpContext http)
    {
        var presented = await SessionCarrier.FindTokenAsync(http.Request);
        var session = tokens.Read(presented);
        if (session is null || session.IsDeepLinking || session.ResourceLinkDbId is not { } linkId)
        {
            return (null, ErrorPages.For(http, new LaunchFailure("session_missing", 401, "This page needs an active launch. Open the activity again from your course."), heading: "Please open this activity from your course"));
        }
        var link = await FindLinkAsync(linkId);
        if (link is null)
        {
            return (null, ErrorPages.For(http, new LaunchFailure("link_missing", 404, "The activity link of this launch no longer exists in this tool. Open the activity again from your course."), session.ReturnUrl));
        }

        var (token, renewed) = tokens.Renew(session, presented!);
        if (renewed is not null)
        {
            SessionCarrier.SetCookie(http.Response, renewed.Token, renewed.ExpiresAt);
        }
        http.Response.Headers[SessionCarrier.HeaderName] = token;
        http.Response.Headers.CacheControl = "no-store";

        var module = catalogue.FindModule(link.ModuleId);
        if (link.ModuleId is { } named && module is null)
        {
            var source = link.CustomModuleId is not null ? "The link's custom parameter module=" : "The module chosen for this link, ";
            return (null, ErrorPages.For(http, new LaunchFailure("module_unknown", 404,
                $"{source}'{named}' names no module in this tool's catalogue. An instructor or LMS administrator can fix the link's settings."), session.ReturnUrl, "This activity points to a module that does not exist"));
        }
        return (new LearnerRequest(session, token, LearnText.For(session.Locale), link, module), null);
    }

    private static readonly Func<LtiDbContext, int, Task<LinkFacts?>> FindLink =
        EF.CompileAsyncQuery((LtiDbContext db, int linkId) => db.ResourceLinks
            .Where(r => r.Id == linkId)
            .Select(r => new LinkFacts(r.Id, r.Title, r.Context == null ? null : r.Context.Title ?? r.Context.Label, r.CustomModuleId, r.BoundModuleId))
            .FirstOrDefault());
}
