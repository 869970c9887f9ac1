using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The tool's public keys, fetched over HTTP from the tool's JWKS URL and cached; fetched again once when an
/// assertion names a key id the cached set does not have (the tool rotated its key).
/// </summary>
internal sealed class ToolJwksCache(IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "LtiCurriculum.DevPlatform.ToolJwks";

    /// <summary>Same-origin hosting keys the cache by the request's origin, so a few URLs at most; more clears it.</summary>
    private const int MaxCachedUrls = 16;

    private readonly ConcurrentDictionary<string, IReadOnlyList<SecurityKey>> cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim fetchGate = new(1, 1);

    /// <summary>The signing keys with <paramref name="keyId"/> (all keys when null); null when the set cannot be read.</summary>
    public async Task<IReadOnlyList<SecurityKey>?> KeysAsync(string jwksUrl, string? keyId, CancellationToken cancellationToken)
    {
        cache.TryGetValue(jwksUrl, out var cached);
        if (cached is not null && Matching(cached, keyId) is { Count: > 0 } known)
        {
            return known;
        }

        var fetched = await FetchAsync(jwksUrl, cached, cancellationToken);
        return fetched is null ? null : Matching(fetched, keyId);
    }

    private async Task<IReadOnlyList<SecurityKey>?> FetchAsync(string jwksUrl, IReadOnlyList<SecurityKey>? stale, CancellationToken cancellationToken)
    {
        await fetchGate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have fetched the set while this one waited: one fetch serves both.
            if (cache.TryGetValue(jwksUrl, out var current) && !ReferenceEquals(current, stale))
            {
                return current;
            }

            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.GetAsync(jwksUrl, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var keys = new JsonWebKeySet(await response.Content.ReadAsStringAsync(cancellationToken)).GetSigningKeys().ToList();
            if (cache.Count >= MaxCachedUrls)
            {
                cache.Clear();
            }

            cache[jwksUrl] = keys;
            return keys;
        }
        catch (Exception exception) when (exception is HttpRequestException or ArgumentException or JsonException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
        finally
        {
            fetchGate.Release();
        }
    }

    private static List<SecurityKey> Matching(IReadOnlyList<SecurityKey> keys, string? keyId) =>
        keys.Where(key => keyId is null || key.KeyId == keyId).ToList();
}
