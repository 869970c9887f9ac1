using System.Security.Cryptography;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Install.Registration;

/// <summary>What became of an attempt to claim a pending registration for confirmation.</summary>
internal enum ClaimResult { Claimed, Unknown, AlreadyUsed, Expired }

/// <summary>
/// Registrations waiting for the administrator's confirmation, in the database so any instance can finish what
/// another started. Each is claimed once: the conditional update is the lock.
/// </summary>
internal sealed class PendingRegistrations(IDbContextFactory<LtiDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public async Task<PendingRegistrationEntity> CreateAsync(string configurationUrl, string? registrationToken, string configurationJson, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pending = new PendingRegistrationEntity
        {
            // 256 random bits: the confirmation form carries it, and knowing it is what lets someone finish.
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            OpenIdConfigurationUrl = configurationUrl,
            RegistrationToken = registrationToken,
            PlatformConfiguration = configurationJson,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        await using var db = contexts.CreateDbContext();
        db.PendingRegistrations.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        return pending;
    }

    /// <summary>Marks the registration used, once; a second claim (a replayed form, another tab) learns why it lost.</summary>
    public async Task<(ClaimResult Result, PendingRegistrationEntity? Pending)> ClaimAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length != 64)
        {
            return (ClaimResult.Unknown, null);
        }
        var now = time.GetUtcNow();
        await using var db = contexts.CreateDbContext();
        var claimed = await db.PendingRegistrations
            .Where(p => p.Id == id && p.CompletedAt == null && p.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.CompletedAt, now), cancellationToken);
        var row = await db.PendingRegistrations.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (claimed == 1)
        {
            return (ClaimResult.Claimed, row);
        }
        return row switch
        {
            null => (ClaimResult.Unknown, null),
            { CompletedAt: not null } => (ClaimResult.AlreadyUsed, row),
            _ => (ClaimResult.Expired, row),
        };
    }
}
