using LtiCurriculum.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Install.Platforms;

/// <summary>
/// What the tool keeps about one platform's people and courses. These rows name the platform by id without a
/// foreign key, so deleting the platform would leave them behind unreachable: removal deletes them explicitly.
/// </summary>
public sealed record PlatformData(int Users, int Courses, int Links, int Attempts, int Scores)
{
    public int Total => Users + Courses + Links + Attempts + Scores;

    public override string ToString() =>
        $"{Users} users, {Courses} courses, {Links} resource links, {Attempts} attempts, {Scores} scores in the grade outbox";

    public static async Task<PlatformData> CountAsync(LtiDbContext db, int platformId, CancellationToken cancellationToken)
    {
        var links = db.ResourceLinks.Where(l => l.PlatformId == platformId).Select(l => l.Id);
        return new PlatformData(
            await db.Users.CountAsync(u => u.PlatformId == platformId, cancellationToken),
            await db.Contexts.CountAsync(c => c.PlatformId == platformId, cancellationToken),
            await links.CountAsync(cancellationToken),
            await db.Attempts.CountAsync(a => links.Contains(a.ResourceLinkDbId), cancellationToken),
            await db.GradeDeliveries.CountAsync(d => d.PlatformId == platformId, cancellationToken));
    }

    /// <summary>Deletes them in the caller's transaction, children first (answers go with their attempts).</summary>
    public static async Task DeleteAsync(LtiDbContext db, int platformId, CancellationToken cancellationToken)
    {
        await db.GradeDeliveries.Where(d => d.PlatformId == platformId).ExecuteDeleteAsync(cancellationToken);
        var links = db.ResourceLinks.Where(l => l.PlatformId == platformId).Select(l => l.Id);
        await db.Attempts.Where(a => links.Contains(a.ResourceLinkDbId)).ExecuteDeleteAsync(cancellationToken);
        await db.ResourceLinks.Where(l => l.PlatformId == platformId).ExecuteDeleteAsync(cancellationToken);
        await db.Contexts.Where(c => c.PlatformId == platformId).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.PlatformId == platformId).ExecuteDeleteAsync(cancellationToken);
        await db.DeepLinkingRequests.Where(r => r.PlatformId == platformId).ExecuteDeleteAsync(cancellationToken);
        await db.LoginStates.Where(s => s.PlatformId == platformId).ExecuteDeleteAsync(cancellationToken);
    }
}
