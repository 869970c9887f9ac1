using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Teach.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LtiCurriculum.Web.Launch;

/// <summary>The database ids a launch maps to.</summary>
public sealed record RecordedLaunch(int? UserDbId, int? ContextDbId, int? ResourceLinkDbId);

/// <summary>
/// Upserts the user, context and resource link a launch names, in one SaveChanges. Two first launches
/// racing on the same rows: the loser retries and finds the winner's rows.
/// A launch identical to one this instance recorded less than <see cref="TouchInterval"/> ago costs no
/// database work at all: the ids are remembered (bounded cache) with the exact values written.
/// </summary>
public sealed class LaunchRecorder(IDbContextFactory<LtiDbContext> contexts, TimeProvider time, Learn.LearnerRequests learnerRequests, WriteTransactions writes) : IDisposable
{
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(10);
    private readonly MemoryCache _recent = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    public async Task<RecordedLaunch> RecordAsync(LtiLaunch launch, CancellationToken cancellationToken)
    {
        var (key, fingerprint) = Describe(launch);
        var now = time.GetUtcNow();
        if (_recent.TryGetValue(key, out RecentLaunch? recent) && recent!.Fingerprint == fingerprint && now - recent.RecordedAt < TouchInterval)
        {
            return recent.Ids;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var ids = await RecordOnceAsync(launch, cancellationToken);
                _recent.Set(key, new RecentLaunch(ids, fingerprint, now), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TouchInterval });
                return ids;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A concurrent first launch inserted the same row; the next attempt updates it instead.
            }
        }
    }

    public void Dispose() => _recent.Dispose();

    /// <summary>Which rows a launch touches, and every value it would write to them.</summary>
    private static (string Key, string Fingerprint) Describe(LtiLaunch launch)
    {
        const char separator = '\u001f';
        var key = string.Join(separator, launch.PlatformId, launch.DeploymentId, launch.Context?.Id, launch.ResourceLink?.Id, launch.UserId);
        var fingerprint = string.Join(separator,
            launch.Context?.Label, launch.Context?.Title, launch.Nrps?.ContextMembershipsUrl,
            launch.Name, launch.GivenName, launch.FamilyName, launch.Email,
            launch.ResourceLink?.Title, launch.ResourceLink?.Description, launch.Ags?.LineItem, launch.Ags?.LineItems,
            launch.Ags?.Scope is { } scopes ? string.Join(' ', scopes) : null, CustomModule(launch), LinkSettings.StoredCustomParameters(launch.Custom), launch.ToolPlatform?.ProductFamilyCode);
        return (key, fingerprint);
    }

    private sealed record RecentLaunch(RecordedLaunch Ids, string Fingerprint, DateTimeOffset RecordedAt);

    private async Task<RecordedLaunch> RecordOnceAsync(LtiLaunch launch, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        // One open for the three lookups and the save (EF would otherwise open and close per command).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();

        LtiContextEntity? context = null;
        if (launch.Context?.Id is { } contextId)
        {
            context = await FindContext(db, launch.PlatformId, launch.DeploymentId, contextId)
                ?? db.Contexts.Add(new LtiContextEntity { PlatformId = launch.PlatformId, DeploymentId = launch.DeploymentId, ContextId = contextId }).Entity;
            context.Label = Fit(launch.Context.Label, 255);
            context.Title = Fit(launch.Context.Title, 1024);
            context.MembershipsUrl = Fit(launch.Nrps?.ContextMembershipsUrl, 2048);
            context.LastLaunchAt = Touched(context.LastLaunchAt, now);
        }

        LtiUserEntity? user = null;
        if (launch.UserId is { } subject)
        {
            user = await FindUser(db, launch.PlatformId, subject)
                ?? db.Users.Add(new LtiUserEntity { PlatformId = launch.PlatformId, Subject = subject }).Entity;
            // Platforms omit personal data by privacy setting; what was not sent this time is kept, not erased.
            user.Name = Fit(launch.Name, 512) ?? user.Name;
            user.GivenName = Fit(launch.GivenName, 255) ?? user.GivenName;
            user.FamilyName = Fit(launch.FamilyName, 255) ?? user.FamilyName;
            user.Email = Fit(launch.Email, 320) ?? user.Email;
            user.LastLaunchAt = Touched(user.LastLaunchAt, now);
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
            link.Title = Fit(launch.ResourceLink.Title, 1024);
            link.Description = Fit(launch.ResourceLink.Description, 4096);
            link.LineItemUrl = Fit(launch.Ags?.LineItem, 2048);
            link.LineItemsUrl = Fit(launch.Ags?.LineItems, 2048);
            link.AgsScopes = Fit(launch.Ags?.Scope is { } scopes ? string.Join(' ', scopes) : null, 1024);
            link.CustomModuleId = Fit(CustomModule(launch), 64);
            link.CustomParameters = Fit(LinkSettings.StoredCustomParameters(launch.Custom), 4000);
            link.ProductFamily = Fit(launch.ToolPlatform?.ProductFamilyCode, 64) ?? link.ProductFamily;
            link.LastLaunchAt = Touched(link.LastLaunchAt, now);
        }

        if (db.ChangeTracker.HasChanges())
        {
            // In this instance's writer queue on SQLite, rather than in SQLite's sleeping busy handler.
            using (await writes.EnterSqliteWriterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            if (link is not null)
            {
                // The link's custom module may have changed; learner pages re-read it.
                learnerRequests.Forget(link.Id);
            }
        }
        return new RecordedLaunch(user?.Id, context?.Id, link?.Id);
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
