using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Model;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Launch;
using LtiCurriculum.Web.Sessions;
using LtiCurriculum.Web.Teach.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LtiCurriculum.Web.Learn;

/// <summary>The link a learner page is about, the module it shows and how it is set up.</summary>
public sealed record LinkFacts(int Id, string? Title, string? CourseTitle, string? CustomModuleId, string? BoundModuleId, string? CustomParameters, string? InstructorSettings)
{
    private readonly (AssignmentSettings Settings, IReadOnlyList<string> Problems) _fromLms = LinkSettings.FromLms(CustomModuleId, CustomParameters);

    /// <summary>What the LMS link's custom parameters say (deep linking writes them; a course copy keeps them).</summary>
    public AssignmentSettings FromLms => _fromLms.Settings;

    /// <summary>Custom parameters that could not be read, in words for the instructor.</summary>
    public IReadOnlyList<string> SettingsProblems => _fromLms.Problems;

    /// <summary>What an instructor saved in the tool, if anything.</summary>
    public AssignmentSettings? FromInstructor { get; } = LinkSettings.FromInstructor(BoundModuleId, InstructorSettings);

    /// <summary>The instructor's values win over the LMS link's.</summary>
    public AssignmentSettings Settings => FromInstructor?.Over(FromLms) ?? FromLms;

    public string? ModuleId => Settings.ModuleId;
}

/// <summary>Everything a learner endpoint needs after the session checks: who, where, in which words, which module.</summary>
public sealed record LearnerRequest(LaunchSession Session, string Token, LearnText Text, LinkFacts Link, LocalizedModule? Module, DateTimeOffset Now)
{
    public int LinkId => Link.Id;
    public int UserId => Session.UserDbId ?? 0;
    public string Query => $"{SessionCarrier.FieldName}={Uri.EscapeDataString(Token)}";
    public Module? Content => Module?.For(Session.Locale);

    /// <summary>The activity's settings with the module's defaults filled in (null when no module is set).</summary>
    public EffectiveSettings? Effective => Module is null ? null : EffectiveSettings.For(Module.English, Link.Settings);

    /// <summary>Learners wait for the activity's available-from date; course staff can always look.</summary>
    public bool IsClosedToLearner => !Session.IsCourseStaff && Effective is { } settings && !settings.IsOpen(Now);

    /// <summary>Whether right and wrong show now on an attempt (submitted or not).</summary>
    public bool ShowsFeedback(bool submitted) => Effective?.ShowsFeedback(submitted, Now) ?? submitted;

    /// <summary>
    /// The module the catalogue serves to new attempts now; <see cref="Module"/> is the version the learner's attempt
    /// began on when that differs (the pack was updated, disabled or removed since).
    /// </summary>
    public LocalizedModule? Served { get; init; }

    /// <summary>The link names a module the catalogue does not have.</summary>
    public bool ModuleUnknown => Link.ModuleId is not null && Module is null;

    /// <summary>Set by <see cref="Sessions.LaunchSessionHandler"/> for every request with a resource-link session.</summary>
    public static ValueTask<LearnerRequest?> BindAsync(HttpContext http) => ValueTask.FromResult(http.Features.Get<LearnerRequest>());
}

/// <summary>
/// Finds the link of a resource-link session and its module. A link's module
/// changes rarely (a relaunch with another custom parameter, an instructor's choice), so link facts are
/// kept for <see cref="LinkCacheLifetime"/>; this instance forgets them at once when it writes them.
/// </summary>
public sealed class LearnerRequests(IDbContextFactory<LtiDbContext> contexts, ContentCatalogue catalogue, TimeProvider time, Data.Stores.SqlitePreparedConnections? sqlite = null) : IDisposable
{
    private readonly Data.Stores.SqliteLinkFactsRows? _sqlite = sqlite is null ? null : new(sqlite);
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
        var link = _sqlite is not null ? _sqlite.Find(linkId) : await FindOnDbAsync(linkId);
        if (link is not null)
        {
            _links.Set(linkId, link, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = LinkCacheLifetime });
        }
        return link;
    }

    private async Task<LinkFacts?> FindOnDbAsync(int linkId)
    {
        await using var db = contexts.CreateDbContext();
        return await FindLink(db, linkId);
    }

    /// <summary>The link of a resource-link session and its module (null Module: none chosen, or an unknown id).</summary>
    public async Task<LearnerRequest?> ResolveAsync(LaunchSession session, string token, int linkId)
    {
        var link = await FindLinkAsync(linkId);
        if (link is null)
        {
            return null;
        }
        var served = catalogue.FindModule(link.ModuleId);
        return new LearnerRequest(session, token, LearnText.For(session.Locale), link, served, time.GetUtcNow()) { Served = served };
    }

    private static readonly Func<LtiDbContext, int, Task<LinkFacts?>> FindLink =
        EF.CompileAsyncQuery((LtiDbContext db, int linkId) => db.ResourceLinks
            .Where(r => r.Id == linkId)
            .Select(r => new LinkFacts(r.Id, r.Title, r.Context == null ? null : r.Context.Title ?? r.Context.Label, r.CustomModuleId, r.BoundModuleId, r.CustomParameters, r.InstructorSettings))
            .FirstOrDefault());
}
