using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Data.Stores;
using LtiCurriculum.Web.Hosting.Caching;
using LtiCurriculum.Web.Teach.Settings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Launch;

/// <summary>The database ids a launch maps to.</summary>
public sealed record RecordedLaunch(int? UserDbId, int? ContextDbId, int? ResourceLinkDbId);

/// <summary>
/// Upserts the user, context and resource link a launch names, in one transaction (on SQLite through
/// <see cref="SqliteLaunchRows"/>, elsewhere in one SaveChanges). Two first launches
/// racing on the same rows: the loser retries and finds the winner's rows.
/// A launch identical to one this instance recorded less than <see cref="TouchInterval"/> ago costs no
/// database work at all: the ids are remembered (bounded cache) with the exact values written.
/// </summary>
public sealed class LaunchRecorder(
    IDbContextFactory<LtiDbContext> contexts, TimeProvider time, Learn.LearnerRequests learnerRequests, WriteTransactions writes, SqlitePreparedConnections? sqlite = null)
{
    private readonly SqliteLaunchRows? _sqlite = sqlite is null ? null : new SqliteLaunchRows(sqlite);
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(10);
    // A lost race on a row means that row is committed, so the next attempt updates it: each of the three rows a launch
    // may insert (context, user, link) can be lost once, and the attempt after the third always finds all three. A student
    // opening two new links of a new course at once, while classmates open the same links, lost three times (a 500).
    private const int InsertableRows = 3;
    // Launches repeated within TouchInterval, in 16,384 slots; a repeat whose slot another launch took just writes its
    // rows again.
    private readonly SlotCache<RecentLaunch> _recent = new(16_384, TouchInterval, time);

    public async Task<RecordedLaunch> RecordAsync(LtiLaunch launch, CancellationToken cancellationToken)
    {
        var (key, fingerprint) = Describe(launch);
        if (_recent.TryGet(key, out var recent) && recent.Fingerprint == fingerprint)
        {
            return recent.Ids;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var ids = await RecordOnceAsync(launch, cancellationToken);
                _recent.Set(key, new RecentLaunch(ids, fingerprint));
                return ids;
            }
            catch (Exception ex) when (attempt <= InsertableRows && ex is DbUpdateException or SqliteException { SqliteErrorCode: 19 })
            {
                // A concurrent first launch inserted the same row; the next attempt updates it instead.
            }
        }
    }

    /// <summary>
    /// Which rows a launch touches, and a digest of every value it would write to them (the values themselves ran to a
    /// kilobyte or more per remembered launch; the digest keeps tens of thousands of first launches in a few megabytes).
    /// </summary>
    private static (UInt128 Key, UInt128 Fingerprint) Describe(LtiLaunch launch)
    {
        const char separator = '\u001f';
        var key = string.Join(separator, launch.PlatformId, launch.DeploymentId, launch.Context?.Id, launch.ResourceLink?.Id, launch.UserId);
        var fingerprint = string.Join(separator,
            launch.Context?.Label, launch.Context?.Title, launch.Nrps?.ContextMembershipsUrl,
            launch.Name, launch.GivenName, launch.FamilyName, launch.Email,
            launch.ResourceLink?.Title, launch.ResourceLink?.Description, launch.Ags?.LineItem, launch.Ags?.LineItems,
            launch.Ags?.Scope is { } scopes ? string.Join(' ', scopes) : null, CustomModule(launch), LinkSettings.StoredCustomParameters(launch.Custom), launch.ToolPlatform?.ProductFamilyCode);
        return (SlotCache.KeyOf(key), SlotCache.KeyOf(fingerprint));
    }

    private readonly record struct RecentLaunch(RecordedLaunch Ids, UInt128 Fingerprint);

    private async Task<RecordedLaunch> RecordOnceAsync(LtiLaunch launch, CancellationToken cancellationToken)
    {
        if (_sqlite is not null)
        {
            return await RecordOnSqliteAsync(_sqlite, launch, cancellationToken);
        }
        await using var db = contexts.CreateDbContext();
        // One open for the three lookups and the save (EF would otherwise open and close per command).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();

        LtiContextEntity? context = null;
        if (launch.Context?.Id is { } contextId)
        {
            context = await FindContext(db, launch.PlatformId, launch.DeploymentId, contextId)
                ?? db.Contexts.Add(new LtiContextEntity { PlatformId = launch.PlatformId, DeploymentId = launch.DeploymentId, ContextId = contextId }).Entity;
            Apply(context, launch, now);
        }

        LtiUserEntity? user = null;
        if (launch.UserId is { } subject)
        {
            user = await FindUser(db, launch.PlatformId, subject)
                ?? db.Users.Add(new LtiUserEntity { PlatformId = launch.PlatformId, Subject = subject }).Entity;
            Apply(user, launch, now);
        }

        ResourceLinkEntity? link = null;
        if (launch.ResourceLink?.Id is { } linkId)
        {
            link = await FindLink(db, launch.PlatformId, launch.DeploymentId, linkId)
                ?? db.ResourceLinks.Add(new ResourceLinkEntity { PlatformId = launch.PlatformId, DeploymentId = launch.DeploymentId, ResourceLinkId = linkId }).Entity;
            if (context is not null && link.ContextDbId != context.Id)
            {
                link.Context = context;
            }
            Apply(link, launch, now);
        }

        if (db.ChangeTracker.HasChanges())
        {
            // Learner pages cache the link with its course title; only a change to either makes them re-read it.
            var linkChanged = link is not null && (db.Entry(link).State != EntityState.Unchanged || (context is not null && db.Entry(context).State != EntityState.Unchanged));
            // In this instance's writer queue on SQLite, rather than in SQLite's sleeping busy handler.
            using (await writes.EnterSqliteWriterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            if (linkChanged)
            {
                learnerRequests.Forget(link!.Id);
            }
        }
        return new RecordedLaunch(user?.Id, context?.Id, link?.Id);
    }

    /// <summary>The same decisions on SQLite's kept-open connections: prepared lookups, and one transaction only when something changed.</summary>
    private async Task<RecordedLaunch> RecordOnSqliteAsync(SqliteLaunchRows sqlite, LtiLaunch launch, CancellationToken cancellationToken)
    {
        var rows = sqlite.Load(launch.PlatformId, launch.DeploymentId, launch.Context?.Id, launch.UserId, launch.ResourceLink?.Id);
        var now = time.GetUtcNow();
        if (rows.Context is { } context)
        {
            Apply(context, launch, now);
        }
        if (rows.User is { } user)
        {
            Apply(user, launch, now);
        }
        if (rows.Link is { } link)
        {
            Apply(link, launch, now);
        }
        if (rows.HasChanges)
        {
            var linkChanged = rows.Link is not null && (rows.LinkChanged || rows.ContextChanged);
            cancellationToken.ThrowIfCancellationRequested();
            await sqlite.SaveAsync(rows);
            if (linkChanged)
            {
                learnerRequests.Forget(rows.Link!.Id);
            }
        }
        return new RecordedLaunch(rows.User?.Id, rows.Context?.Id, rows.Link?.Id);
    }

    private static void Apply(LtiContextEntity context, LtiLaunch launch, DateTimeOffset now)
    {
        context.Label = Fit(launch.Context!.Label, 255);
        context.Title = Fit(launch.Context.Title, 1024);
        context.MembershipsUrl = Fit(launch.Nrps?.ContextMembershipsUrl, 2048);
        context.LastLaunchAt = Touched(context.LastLaunchAt, now);
    }

    private static void Apply(LtiUserEntity user, LtiLaunch launch, DateTimeOffset now)
    {
        // Platforms omit personal data by privacy setting; what was not sent this time is kept, not erased.
        user.Name = Fit(launch.Name, 512) ?? user.Name;
        user.GivenName = Fit(launch.GivenName, 255) ?? user.GivenName;
        user.FamilyName = Fit(launch.FamilyName, 255) ?? user.FamilyName;
        user.Email = Fit(launch.Email, 320) ?? user.Email;
        user.LastLaunchAt = Touched(user.LastLaunchAt, now);
    }

    private static void Apply(ResourceLinkEntity link, LtiLaunch launch, DateTimeOffset now)
    {
        link.Title = Fit(launch.ResourceLink!.Title, 1024);
        link.Description = Fit(launch.ResourceLink.Description, 4096);
        link.LineItemUrl = Fit(launch.Ags?.LineItem, 2048);
        link.LineItemsUrl = Fit(launch.Ags?.LineItems, 2048);
        link.AgsScopes = Fit(launch.Ags?.Scope is { } scopes ? string.Join(' ', scopes) : null, 1024);
        link.CustomModuleId = Fit(CustomModule(launch), 64);
        link.CustomParameters = Fit(LinkSettings.StoredCustomParameters(launch.Custom), 4000);
        link.ProductFamily = Fit(launch.ToolPlatform?.ProductFamilyCode, 64) ?? link.ProductFamily;
        link.LastLaunchAt = Touched(link.LastLaunchAt, now);
    }

    /// <summary>The module the LMS link names in its custom parameters (deep linking writes it; admins can type it).</summary>
    public const string ModuleParameter = "module";

    private static string? CustomModule(LtiLaunch launch) =>
        launch.Custom.TryGetValue(ModuleParameter, out var id) && !string.IsNullOrWhiteSpace(id) ? id.Trim() : null;

    /// <summary>Last-launch times move only every few minutes, so a returning user does not rewrite rows.</summary>
    private static DateTimeOffset Touched(DateTimeOffset previous, DateTimeOffset now) => now - previous >= TouchInterval ? now : previous;

    /// <summary>Platforms send what they like; a value longer than its column is cut, never a failed launch.</summary>
    private static string? Fit(string? value, int maxLength) => value is { } v && v.Length > maxLength ? v[..maxLength] : value;

    private static readonly Func<LtiDbContext, int, string, string, Task<LtiContextEntity?>> FindContext =
        EF.CompileAsyncQuery((LtiDbContext db, int platformId, string deploymentId, string contextId) =>
            db.Contexts.FirstOrDefault(c => c.PlatformId == platformId && c.DeploymentId == deploymentId && c.ContextId == contextId));

    private static readonly Func<LtiDbContext, int, string, Task<LtiUserEntity?>> FindUser =
        EF.CompileAsyncQuery((LtiDbContext db, int platformId, string subject) =>
            db.Users.FirstOrDefault(u => u.PlatformId == platformId && u.Subject == subject));

    private static readonly Func<LtiDbContext, int, string, string, Task<ResourceLinkEntity?>> FindLink =
        EF.CompileAsyncQuery((LtiDbContext db, int platformId, string deploymentId, string linkId) =>
            db.ResourceLinks.FirstOrDefault(r => r.PlatformId == platformId && r.DeploymentId == deploymentId && r.ResourceLinkId == linkId));
}
