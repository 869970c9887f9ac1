using System.Security.Cryptography;
using System.Text.Json;
using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Web.Teach.DeepLinking;

/// <summary>A deep-linking launch the instructor is answering: where the response goes and what it must honour.</summary>
public sealed record PendingDeepLink(string Id, int PlatformId, string Issuer, string ClientId, string DeploymentId, int? ContextDbId, DeepLinkingSettingsClaim Settings);

/// <summary>
/// Keeps each deep-linking request in the database (any instance can answer it) for as long as an instructor may
/// take to choose; the session carries only its id. Taken once, so a double click sends one response.
/// </summary>
public sealed class DeepLinkingRequests(IDbContextFactory<LtiDbContext> contexts, WriteTransactions writes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    public async Task<string> SaveAsync(LtiLaunch launch, int? contextDbId, int? userDbId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(18));
        await using var db = contexts.CreateDbContext();
        db.DeepLinkingRequests.Add(new DeepLinkingRequestEntity
        {
            Id = id,
            PlatformId = launch.PlatformId,
            Issuer = launch.Issuer,
            ClientId = launch.ClientId,
            DeploymentId = launch.DeploymentId,
            ContextDbId = contextDbId,
            UserDbId = userDbId,
            Settings = JsonSerializer.Serialize(launch.DeepLinkingSettings ?? new DeepLinkingSettingsClaim(), PendingJson.Default.DeepLinkingSettingsClaim),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        using (await writes.EnterSqliteWriterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return id;
    }

    public async Task<PendingDeepLink?> FindAsync(string? id, int platformId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id)) return null;
        await using var db = contexts.CreateDbContext();
        var now = time.GetUtcNow();
        var row = await db.DeepLinkingRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.PlatformId == platformId && r.ExpiresAt > now, cancellationToken);
        return row is null ? null : ToPending(row);
    }

    /// <summary>Removes the request; false when another click (or instance) already answered it.</summary>
    public async Task<bool> TakeAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        using (await writes.EnterSqliteWriterAsync(cancellationToken))
        {
            return await db.DeepLinkingRequests.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;
        }
    }

    private static PendingDeepLink ToPending(DeepLinkingRequestEntity row) => new(row.Id, row.PlatformId, row.Issuer, row.ClientId, row.DeploymentId, row.ContextDbId,
        JsonSerializer.Deserialize(row.Settings, PendingJson.Default.DeepLinkingSettingsClaim) ?? new DeepLinkingSettingsClaim());
}

[System.Text.Json.Serialization.JsonSerializable(typeof(DeepLinkingSettingsClaim))]
internal sealed partial class PendingJson : System.Text.Json.Serialization.JsonSerializerContext;
