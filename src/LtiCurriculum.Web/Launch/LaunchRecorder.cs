using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Launch;

/// <summary>The database ids a launch maps to.</summary>
public sealed record RecordedLaunch(int? UserDbId, int? ContextDbId, int? ResourceLinkDbId);

/// <summary>
/// Upserts the user, context and resource link a launch names, in one SaveChanges. Rows unchanged since
/// a recent launch are not rewritten, so a returning student costs reads only. Two first launches racing
/// on the same rows: the loser retries and finds the winner's rows.
/// </summary>
public sealed class LaunchRecorder(IDbContextFactory<LtiDbContext> contexts, TimeProvider time)
{
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(10);

    public async Task<RecordedLaunch> RecordAsync(LtiLaunch launch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecordOnceAsync(launch, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A concurrent first launch inserted the same row; the next attempt updates it instead.
            }
        }
    }

    private async Task<RecordedLaunch> RecordOnceAsync(LtiLaunch launch, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var now = time.GetUtcNow();

        LtiContextEntity? context = null;
        if (launch.Context?.Id is { } contextId)
        {
            context = await db.Contexts.FirstOrDefaultAsync(c => c.PlatformId == launch.PlatformId && c.DeploymentId == launch.DeploymentId && c.ContextId == contextId, cancellationToken);
            context ??= db.Contexts.Add(new LtiContextEntity { PlatformId = launch.PlatformId, DeploymentId = launch.DeploymentId, ContextId = contextId }).Entity;
            Update(context, c => c.Label, launch.Context.Label);
            Update(context, c => c.Title, launch.Context.Title);
            Update(context, c => c.MembershipsUrl, launch.Nrps?.ContextMembershipsUrl);
            Touch(context, c => c.LastLaunchAt, now);
        }

        LtiUserEntity? user = null;
        if (launch.UserId is { } subject)
        {
            user = await db.Users.FirstOrDefaultAsync(u => u.PlatformId == launch.PlatformId && u.Subject == subject, cancellationToken);
            user ??= db.Users.Add(new LtiUserEntity { PlatformId = launch.PlatformId, Subject = subject }).Entity;
            // Platforms omit personal data by privacy setting; what was not sent this time is kept, not erased.
            Update(user, u => u.Name, launch.Name, keepWhenNull: true);
            Update(user, u => u.GivenName, launch.GivenName, keepWhenNull: true);
            Update(user, u => u.FamilyName, launch.FamilyName, keepWhenNull: true);
            Update(user, u => u.Email, launch.Email, keepWhenNull: true);
            Touch(user, u => u.LastLaunchAt, now);
        }

        ResourceLinkEntity? link = null;
        if (launch.ResourceLink?.Id is { } linkId)
        {
            link = await db.ResourceLinks.FirstOrDefaultAsync(r => r.PlatformId == launch.PlatformId && r.DeploymentId == launch.DeploymentId && r.ResourceLinkId == linkId, cancellationToken);
            link ??= db.ResourceLinks.Add(new ResourceLinkEntity { PlatformId = launch.PlatformId, DeploymentId = launch.DeploymentId, ResourceLinkId = linkId }).Entity;
            if (context is not null && link.ContextDbId != context.Id)
            {
                link.Context = context;
            }
            Update(link, r => r.Title, launch.ResourceLink.Title);
            Update(link, r => r.Description, launch.ResourceLink.Description);
            Update(link, r => r.LineItemUrl, launch.Ags?.LineItem);
            Update(link, r => r.LineItemsUrl, launch.Ags?.LineItems);
            Update(link, r => r.AgsScopes, launch.Ags?.Scope is { } scopes ? string.Join(' ', scopes) : null);
            Touch(link, r => r.LastLaunchAt, now);
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return new RecordedLaunch(user?.Id, context?.Id, link?.Id);

        void Touch<T>(T entity, System.Linq.Expressions.Expression<Func<T, DateTimeOffset>> property, DateTimeOffset value) where T : class
        {
            var entry = db.Entry(entity).Property(property);
            if (now - entry.CurrentValue >= TouchInterval)
            {
                entry.CurrentValue = value;
            }
        }

        void Update<T>(T entity, System.Linq.Expressions.Expression<Func<T, string?>> property, string? value, bool keepWhenNull = false) where T : class
        {
            if (value is null && keepWhenNull)
            {
                return;
            }
            var entry = db.Entry(entity).Property(property);
            // Platforms send what they like; a value longer than the column is cut, never a failed launch.
            if (value is not null && entry.Metadata.GetMaxLength() is { } max && value.Length > max)
            {
                value = value[..max];
            }
            if (!string.Equals(entry.CurrentValue, value, StringComparison.Ordinal))
            {
                entry.CurrentValue = value;
            }
        }
    }
}
