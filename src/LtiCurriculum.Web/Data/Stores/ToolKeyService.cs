using System.Security.Cryptography;
using System.Text.Json;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// The tool's RSA keys: created at first start, private parts encrypted with Data Protection (whose key
/// ring is in the same database, so every instance can read them), published as a JWKS. A new key can be
/// added ahead of a rotation and made current later; retired keys stay published until removed.
/// </summary>
public sealed class ToolKeyService(IDbContextFactory<LtiDbContext> contexts, IDataProtectionProvider dataProtection, TimeProvider time) : IToolKeyStore
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("LtiCurriculum.ToolKeys.v1");
    private volatile KeyCache? _cache;

    public async ValueTask<IReadOnlyList<ToolKey>> GetPublishedKeysAsync(CancellationToken cancellationToken)
    {
        if (_cache is { } cached && time.GetUtcNow() - cached.LoadedAt < CacheLifetime)
        {
            return cached.Keys;
        }
        await using var db = contexts.CreateDbContext();
        var rows = await db.ToolKeys.AsNoTracking().OrderByDescending(k => k.IsCurrent).ThenBy(k => k.KeyId).ToListAsync(cancellationToken);
        IReadOnlyList<ToolKey> keys = [.. rows.Select(Unprotect)];
        _cache = new KeyCache(keys, time.GetUtcNow());
        return keys;
    }

    /// <summary>Creates the first key when there is none. Safe when two instances start together.</summary>
    public async Task EnsureCurrentKeyAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        if (await db.ToolKeys.AnyAsync(k => k.IsCurrent, cancellationToken))
        {
            return;
        }
        var keyId = await AddKeyAsync(makeCurrent: false, cancellationToken);
        // Only one instance wins the flip; the loser's key stays as a spare, which is harmless.
        await db.ToolKeys.Where(k => k.KeyId == keyId && !db.ToolKeys.Any(o => o.IsCurrent))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.IsCurrent, true), cancellationToken);
        _cache = null;
    }

    public async Task<string> AddKeyAsync(bool makeCurrent, CancellationToken cancellationToken)
    {
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: true);
        var keyId = ComputeKeyId(parameters);
        await using var db = contexts.CreateDbContext();
        db.ToolKeys.Add(new ToolKeyEntity
        {
            KeyId = keyId,
            ProtectedPrivateKey = _protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        if (makeCurrent)
        {
            await MakeCurrentAsync(keyId, cancellationToken);
        }
        _cache = null;
        return keyId;
    }

    public async Task<bool> MakeCurrentAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.ToolKeys.AnyAsync(k => k.KeyId == keyId, cancellationToken))
        {
            return false;
        }
        await db.ToolKeys.ExecuteUpdateAsync(s => s.SetProperty(k => k.IsCurrent, k => k.KeyId == keyId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _cache = null;
        return true;
    }

    /// <summary>Removes a key that is not current (after platforms have stopped using it).</summary>
    public async Task<bool> RemoveAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var removed = await db.ToolKeys.Where(k => k.KeyId == keyId && !k.IsCurrent).ExecuteDeleteAsync(cancellationToken);
        _cache = null;
        return removed == 1;
    }

    public async Task<IReadOnlyList<ToolKeyEntity>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.ToolKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    private ToolKey Unprotect(ToolKeyEntity row)
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(row.ProtectedPrivateKey)), out _);
        return new ToolKey(row.KeyId, rsa.ExportParameters(includePrivateParameters: true), row.CreatedAt, row.IsCurrent);
    }

    private sealed record KeyCache(IReadOnlyList<ToolKey> Keys, DateTimeOffset LoadedAt);

    /// <summary>RFC 7638 thumbprint of the public key: stable, unique, reveals nothing.</summary>
    private static string ComputeKeyId(RSAParameters parameters)
    {
        var json = JsonSerializer.Serialize(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["e"] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(parameters.Exponent),
            ["kty"] = "RSA",
            ["n"] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(parameters.Modulus),
        });
        return Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));
    }
}
