using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using LtiCurriculum.Web.Install.Audit;
using LtiCurriculum.Web.Install.Keys;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// The tool's RSA keys: private parts encrypted with Data Protection (whose key ring is in the same database, so
/// every instance can read them). Three kinds are published in the JWKS: the current key (signs), the next key
/// (published ahead, so platforms that cache our JWKS already know it when a rotation makes it current), and
/// retired keys for <see cref="KeyOptions.RetiredKeyGrace"/> after they stopped signing (a grade call or
/// deep-linking response signed just before a rotation still verifies).
/// </summary>
public sealed class ToolKeyService(IDbContextFactory<LtiDbContext> contexts, IDataProtectionProvider dataProtection, IOptions<KeyOptions> options, AuditLog audit, WriteTransactions writes, TimeProvider time) : IToolKeyStore
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("LtiCurriculum.ToolKeys.v1");

    /// <summary>Decrypted key material by kid: it never changes for a kid, so only the roles are read each time.</summary>
    private readonly ConcurrentDictionary<string, RSAParameters> _material = new(StringComparer.Ordinal);

    /// <summary>
    /// The roles are read from the database on every call (signing and serving the JWKS are rare): an instance that
    /// signs with the current key it read here must find that key in the JWKS every other instance serves, even
    /// right after rotations on another instance. A per-instance cache of the roles would open exactly that gap.
    /// </summary>
    public async ValueTask<IReadOnlyList<ToolKey>> GetPublishedKeysAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = contexts.CreateDbContext();
        var rows = await db.ToolKeys.AsNoTracking().ToListAsync(cancellationToken);
        var grace = options.Value.RetiredKeyGrace;
        var published = rows.Where(k => k.RetiredAt is null || k.RetiredAt.Value + grace > now)
            .OrderByDescending(k => k.IsCurrent).ThenByDescending(k => k.IsNext).ThenByDescending(k => k.RetiredAt).ThenBy(k => k.KeyId)
            .ToList();
        IReadOnlyList<ToolKey> keys = [.. published.Select(k => new ToolKey(k.KeyId, _material.GetOrAdd(k.KeyId, _ => Unprotect(k)), k.CreatedAt, k.IsCurrent))];
        foreach (var gone in _material.Keys.Except(published.Select(k => k.KeyId), StringComparer.Ordinal))
        {
            _material.TryRemove(gone, out _);
        }
        return keys;
    }

    /// <summary>
    /// At start: makes sure there is a current key and a next key. Safe when two instances start together: only one
    /// wins each flip, and a spare key left by the loser becomes the next key or stays published harmlessly.
    /// </summary>
    public async Task EnsureKeysAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        if (!await db.ToolKeys.AnyAsync(k => k.IsCurrent, cancellationToken))
        {
            var keyId = await AddKeyAsync(cancellationToken);
            await db.ToolKeys.Where(k => k.KeyId == keyId && !db.ToolKeys.Any(o => o.IsCurrent))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.IsCurrent, true), cancellationToken);
        }
        if (!await db.ToolKeys.AnyAsync(k => k.IsNext, cancellationToken))
        {
            // A key that is neither current, next nor retired (an older install's spare) is the natural next key.
            var spare = await db.ToolKeys.Where(k => !k.IsCurrent && !k.IsNext && k.RetiredAt == null)
                .OrderByDescending(k => k.CreatedAt).Select(k => k.KeyId).FirstOrDefaultAsync(cancellationToken)
                ?? await AddKeyAsync(cancellationToken);
            await db.ToolKeys.Where(k => k.KeyId == spare && !db.ToolKeys.Any(o => o.IsNext))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.IsNext, true), cancellationToken);
        }
    }

    /// <summary>
    /// The next key becomes current, the current one is retired (still published for the grace period), and a new
    /// next key is created — all in one transaction, audited. Null when another rotation changed the keys meanwhile.
    /// </summary>
    public async Task<KeyRotation?> RotateAsync(string actor, CancellationToken cancellationToken)
    {
        var newNext = await CreateRowAsync(cancellationToken);
        await using var db = contexts.CreateDbContext();
        try
        {
            return await writes.RunAsync<KeyRotation?>(db, async ct =>
            {
                var current = await db.ToolKeys.AsNoTracking().FirstOrDefaultAsync(k => k.IsCurrent, ct);
                var next = await db.ToolKeys.AsNoTracking().FirstOrDefaultAsync(k => k.IsNext, ct);
                if (current is null || next is null)
                {
                    return null;
                }
                var now = time.GetUtcNow();
                // Conditional updates: a concurrent rotation on another instance makes one of these touch no row,
                // and then this one rolls back rather than leave two current keys or none.
                var retired = await db.ToolKeys.Where(k => k.KeyId == current.KeyId && k.IsCurrent)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.IsCurrent, false).SetProperty(k => k.RetiredAt, now), ct);
                var promoted = await db.ToolKeys.Where(k => k.KeyId == next.KeyId && k.IsNext)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.IsNext, false).SetProperty(k => k.IsCurrent, true), ct);
                if (retired != 1 || promoted != 1)
                {
                    throw new ConcurrentKeyChangeException();
                }
                newNext.IsNext = true;
                db.ToolKeys.Add(newNext);
                audit.Add(db, actor, "keys rotate", next.KeyId, $"now signs: {next.KeyId}; retired: {current.KeyId}; next: {newNext.KeyId}");
                await db.SaveChangesAsync(ct);
                return new KeyRotation(next.KeyId, current.KeyId, newNext.KeyId);
            }, cancellationToken);
        }
        catch (ConcurrentKeyChangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// Retires a key that does not sign (the next key or an older spare), e.g. one that may have leaked. Retiring the
    /// next key creates a new next key. The current key is never retired directly: rotate first.
    /// </summary>
    public async Task<KeyRetirement> RetireAsync(string keyId, string actor, CancellationToken cancellationToken)
    {
        // Made before the transaction, so no write lock is held while RSA finds its primes; unused unless the next key goes.
        var fresh = await CreateRowAsync(cancellationToken);
        await using var db = contexts.CreateDbContext();
        return await writes.RunAsync(db, async ct =>
        {
            var key = await db.ToolKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, ct);
            if (Refusal(key) is { } refused)
            {
                return refused;
            }
            var wasNext = key!.IsNext;
            var now = time.GetUtcNow();
            // Conditional: a rotation on another instance may have made this key current since it was read.
            var changed = await db.ToolKeys.Where(k => k.KeyId == keyId && !k.IsCurrent && k.RetiredAt == null && k.IsNext == wasNext)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.IsNext, false).SetProperty(k => k.RetiredAt, now), ct);
            if (changed != 1)
            {
                return Refusal(await db.ToolKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, ct)) ?? KeyRetirement.AlreadyRetired;
            }
            if (wasNext)
            {
                fresh.IsNext = true;
                db.ToolKeys.Add(fresh);
            }
            audit.Add(db, actor, "keys retire", keyId, wasNext ? $"new next key: {fresh.KeyId}" : null);
            await db.SaveChangesAsync(ct);
            return KeyRetirement.Retired;
        }, cancellationToken);
    }

    /// <summary>Thrown inside a rotation's transaction to roll it back when another rotation got there first.</summary>
    private sealed class ConcurrentKeyChangeException : Exception;

    private static KeyRetirement? Refusal(ToolKeyEntity? key) =>
        key is null ? KeyRetirement.NotFound
        : key.IsCurrent ? KeyRetirement.IsCurrent
        : key.RetiredAt is not null ? KeyRetirement.AlreadyRetired
        : null;

    /// <summary>When a retired key leaves the JWKS.</summary>
    public DateTimeOffset? LeavesJwksAt(ToolKeyEntity key) => key.RetiredAt + options.Value.RetiredKeyGrace;

    private async Task<string> AddKeyAsync(CancellationToken cancellationToken)
    {
        var row = await CreateRowAsync(cancellationToken);
        await using var db = contexts.CreateDbContext();
        db.ToolKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.KeyId;
    }

    private Task<ToolKeyEntity> CreateRowAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: true);
        return Task.FromResult(new ToolKeyEntity
        {
            KeyId = ComputeKeyId(parameters),
            ProtectedPrivateKey = _protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
            CreatedAt = time.GetUtcNow(),
        });
    }

    public async Task<IReadOnlyList<ToolKeyEntity>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.ToolKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    private RSAParameters Unprotect(ToolKeyEntity row)
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(row.ProtectedPrivateKey)), out _);
        return rsa.ExportParameters(includePrivateParameters: true);
    }

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

/// <summary>What a rotation did: which key signs now, which was retired, which is the new next key.</summary>
public sealed record KeyRotation(string CurrentKeyId, string RetiredKeyId, string NextKeyId);

public enum KeyRetirement { Retired, NotFound, IsCurrent, AlreadyRetired }
