using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Access tokens the token endpoint issued: random opaque strings with their scopes and expiry. Thread-safe;
/// at most <see cref="Capacity"/> kept (expired ones go first, then the oldest).
/// </summary>
internal sealed class AccessTokenStore(TimeProvider timeProvider)
{
    public const int Capacity = 10_000;

    private readonly Dictionary<string, AccessGrant> grants = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public string Issue(IReadOnlyList<string> scopes, TimeSpan lifetime)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (grants.Count >= Capacity)
            {
                foreach (var (expired, _) in grants.Where(pair => pair.Value.ExpiresAt <= now).ToList())
                {
                    grants.Remove(expired);
                }
            }

            if (grants.Count >= Capacity)
            {
                grants.Remove(grants.MinBy(pair => pair.Value.ExpiresAt).Key);
            }

            grants[token] = new AccessGrant(scopes, now + lifetime);
        }

        return token;
    }

    /// <summary>The grant of a known, unexpired, unrevoked token; otherwise null.</summary>
    public AccessGrant? Find(string token)
    {
        AccessGrant? grant;
        lock (gate)
        {
            grants.TryGetValue(token, out grant);
        }

        return grant is not null && grant.ExpiresAt > timeProvider.GetUtcNow() ? grant : null;
    }

    /// <summary>Forgets every token, so each answers 401 from now on; returns how many there were.</summary>
    public int RevokeAll()
    {
        lock (gate)
        {
            var count = grants.Count;
            grants.Clear();
            return count;
        }
    }
}

internal sealed record AccessGrant(IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);
