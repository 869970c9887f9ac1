using System.Security.Cryptography;
using System.Text;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using LtiCurriculum.Web.Install.Audit;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Install.Registration;

/// <summary>
/// The secret in the registration URL an administrator pastes into the LMS: only someone who got it from the
/// CLI (<c>registration url</c>) can start a dynamic registration. It lives in the database so every instance
/// agrees on it; <c>registration url --rotate</c> replaces it.
/// </summary>
public sealed class RegistrationSecret(IDbContextFactory<LtiDbContext> contexts, AuditLog audit, WriteTransactions writes, TimeProvider time)
{
    public const string SettingName = "registration-secret";
    public const string QueryParameter = "secret";
    public const string RegistrationPath = "/lti/register";

    /// <summary>The current secret, creating the first one when there is none (safe when two instances race).</summary>
    public async Task<string> GetOrCreateAsync(string actor, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var existing = await db.ToolSettings.AsNoTracking().Where(s => s.Name == SettingName).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        db.ToolSettings.Add(new ToolSettingEntity { Name = SettingName, Value = NewSecret(), UpdatedAt = time.GetUtcNow() });
        audit.Add(db, actor, "registration secret created", SettingName);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance created it first; theirs is the secret.
        }
        await using var reread = contexts.CreateDbContext();
        return await reread.ToolSettings.AsNoTracking().Where(s => s.Name == SettingName).Select(s => s.Value).FirstAsync(cancellationToken);
    }

    /// <summary>A new secret; URLs with the old one stop working at once.</summary>
    public async Task<string> RotateAsync(string actor, CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        await using var db = contexts.CreateDbContext();
        await writes.RunAsync(db, async ct =>
        {
            var row = await db.ToolSettings.FirstOrDefaultAsync(s => s.Name == SettingName, ct);
            if (row is null)
            {
                db.ToolSettings.Add(new ToolSettingEntity { Name = SettingName, Value = secret, UpdatedAt = time.GetUtcNow() });
            }
            else
            {
                row.Value = secret;
                row.UpdatedAt = time.GetUtcNow();
            }
            audit.Add(db, actor, "registration secret rotated", SettingName);
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
        return secret;
    }

    /// <summary>Whether <paramref name="candidate"/> is the current secret, compared in constant time. False when none exists yet.</summary>
    public async Task<bool> MatchesAsync(string? candidate, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(candidate) || candidate.Length > 128)
        {
            return false;
        }
        await using var db = contexts.CreateDbContext();
        var current = await db.ToolSettings.AsNoTracking().Where(s => s.Name == SettingName).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return current is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(current), Encoding.UTF8.GetBytes(candidate));
    }

    /// <summary>The URL to paste into the LMS, for the tool at <paramref name="baseUrl"/>.</summary>
    public static string RegistrationUrl(string baseUrl, string secret) =>
        $"{baseUrl}{RegistrationPath}?{QueryParameter}={Uri.EscapeDataString(secret)}";

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
