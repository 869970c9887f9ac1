using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Install.Audit;

/// <summary>
/// The record of administrative changes. <see cref="Add"/> stages an entry in the caller's context, so the
/// entry commits with the change it describes or not at all.
/// </summary>
public sealed class AuditLog(IDbContextFactory<LtiDbContext> contexts, TimeProvider time)
{
    public void Add(LtiDbContext db, string actor, string action, string subject, string? details = null) =>
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = time.GetUtcNow(),
            Actor = Truncate(actor, 32),
            Action = Truncate(action, 64),
            Subject = Truncate(subject, 1024),
            Details = details is null ? null : Truncate(details, 4000),
        });

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<AuditEntryEntity>> ListAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
