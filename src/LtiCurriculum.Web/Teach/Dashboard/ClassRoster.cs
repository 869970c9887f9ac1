using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LtiCurriculum.Web.Teach.Dashboard;

public enum RosterSource { Lms, Unavailable, Failed }

/// <summary>A course's students as the LMS lists them (NRPS 2.0), or why the list is missing.</summary>
public sealed record Roster(RosterSource Source, IReadOnlyList<NrpsMember> Students, bool IsComplete, string? Problem, DateTimeOffset ReadAt)
{
    public static Roster Unavailable(DateTimeOffset now) => new(RosterSource.Unavailable, [], true, null, now);
}

/// <summary>Where a course's class list is read: its NRPS membership URL (null: the LMS sent none) and the platform that issues the token.</summary>
internal sealed record MembershipServiceRow(string? Url, AgsPlatform? Platform);

/// <summary>
/// Reads the class list through Names and Role Provisioning Services and keeps it briefly per context, so a
/// dashboard that refreshes does not ask the LMS each time; "Refresh the class list" asks again.
/// Which service to ask comes from <see cref="Data.Stores.SqliteMembershipServiceRows"/> on SQLite, from EF on SQL
/// Server and PostgreSQL.
/// </summary>
public sealed partial class ClassRoster(IDbContextFactory<LtiDbContext> contexts, NrpsClient nrps, TimeProvider time, ILogger<ClassRoster> logger,
    Data.Stores.SqlitePreparedConnections? sqlite = null) : IDisposable
{
    private readonly Data.Stores.SqliteMembershipServiceRows? _sqlite = sqlite is null ? null : new(sqlite);

    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long "this course has no class list service" is kept: a launch that brings the NRPS claim shows on the
    /// dashboard within this time (at once with "Refresh the class list"), and views in between cost no query.
    /// </summary>
    public static readonly TimeSpan UnavailableLifetime = TimeSpan.FromSeconds(10);

    /// <summary>How long a failed read is kept before the LMS is asked again.</summary>
    public static readonly TimeSpan FailedLifetime = TimeSpan.FromSeconds(30);
    private readonly MemoryCache _rosters = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public void Dispose() => _rosters.Dispose();

    public async Task<Roster> ReadAsync(int? contextDbId, bool refresh, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (contextDbId is not { } contextId)
        {
            return Roster.Unavailable(now);
        }
        if (!refresh && _rosters.TryGetValue(contextId, out Roster? known) && now - known!.ReadAt < LifetimeOf(known.Source))
        {
            return known;
        }
        var service = await FindServiceAsync(contextId, cancellationToken);
        if (service?.Url is not { } url || service.Platform is not { } platform)
        {
            var unavailable = Roster.Unavailable(now);
            Keep(contextId, unavailable);
            return unavailable;
        }

        Roster roster;
        try
        {
            var membership = await nrps.GetMembershipAsync(platform, url, new MembershipQuery(ResourceLinkId: null, Role: null, Limit: null), cancellationToken);
            // Students: members with a learner role who are not also staff of the course (a TA may be a learner elsewhere).
            var students = membership.Members.Where(m => (m.Roles & LtiRole.Learner) != 0 && !LtiRoles.IsCourseStaff(m.Roles) && m.Status != MemberStatus.Deleted).ToList();
            roster = new Roster(RosterSource.Lms, students, membership.IsComplete, null, now);
        }
        catch (NrpsException ex)
        {
            LogRosterFailed(contextId, ex.StatusCode, ex.Message);
            roster = new Roster(RosterSource.Failed, [], true, ex.StatusCode is { } status ? $"HTTP {status}" : "no answer", now);
        }
        Keep(contextId, roster);
        return roster;
    }

    internal async Task<MembershipServiceRow?> FindServiceAsync(int contextId, CancellationToken cancellationToken)
    {
        if (_sqlite is not null)
        {
            return _sqlite.Find(contextId);
        }
        await using var db = contexts.CreateDbContext();
        return await MembershipService(db, contextId, cancellationToken);
    }

    // Compiled once: a course without the service is asked again every UnavailableLifetime, and composing the query
    // each time was most of that cost.
    private static readonly Func<LtiDbContext, int, CancellationToken, Task<MembershipServiceRow?>> MembershipService =
        EF.CompileAsyncQuery((LtiDbContext db, int contextId, CancellationToken _) => db.Contexts.AsNoTracking()
            .Where(c => c.Id == contextId)
            .Join(db.Platforms, c => c.PlatformId, p => p.Id,
                (c, p) => new MembershipServiceRow(c.MembershipsUrl, new AgsPlatform(p.Id, p.ClientId, p.TokenEndpoint, p.TokenAudience)))
            .FirstOrDefault());

    private static TimeSpan LifetimeOf(RosterSource source) => source switch
    {
        RosterSource.Lms => CacheLifetime,
        RosterSource.Unavailable => UnavailableLifetime,
        _ => FailedLifetime,
    };

    // The entry's age is checked against the tool's clock on every read; the cache's own expiry only frees the memory.
    private void Keep(int contextId, Roster roster) =>
        _rosters.Set(contextId, roster, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = LifetimeOf(roster.Source) });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the class list of context {ContextId} failed (HTTP {StatusCode}): {Reason}")]
    private partial void LogRosterFailed(int contextId, int? statusCode, string reason);
}
