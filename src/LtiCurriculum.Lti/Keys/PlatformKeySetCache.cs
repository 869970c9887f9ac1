using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Keys;

/// <summary>
/// Each platform's public keys, fetched from its JWKS URL and cached by kid. An unknown kid, or a signature that
/// fails with a known kid (a platform re-keyed under the same kid), triggers one re-fetch (platforms rotate keys),
/// rate limited per key set so a flood of bad tokens cannot make the tool hammer the platform. When a fetch fails,
/// keys already known keep working.
/// </summary>
public sealed partial class PlatformKeySetCache(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<LtiToolOptions> options,
    TimeProvider time,
    ILogger<PlatformKeySetCache> logger)
{
    public const string HttpClientName = "lti-platform";
    private const int MaxKeySetBytes = 512 * 1024;
    private const int MinRsaKeyBits = 2048;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<PlatformKeyLookup> FindAsync(string jwksUri, string keyId, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(jwksUri, static _ => new Entry());
        var settings = options.CurrentValue;

        if (TryFresh(entry, keyId, settings, out var found))
        {
            return found;
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched while this one waited.
            if (TryFresh(entry, keyId, settings, out found))
            {
                return found;
            }

            var now = time.GetUtcNow();
            var snapshot = entry.Snapshot;
            if (entry.LastAttempt is { } last && now - last < settings.JwksRefetchInterval)
            {
                // Too soon to ask the platform again: answer from what is known, stale or not.
                return snapshot is null ? PlatformKeyLookup.Unavailable
                    : snapshot.Verifiers.TryGetValue(keyId, out var known) ? PlatformKeyLookup.Found(known)
                    : PlatformKeyLookup.UnknownKeyId;
            }

            entry.LastAttempt = now;
            var fetched = await FetchAsync(jwksUri, now, cancellationToken).ConfigureAwait(false);
            if (fetched is not null)
            {
                entry.Snapshot = fetched;
                return fetched.Verifiers.TryGetValue(keyId, out var verifier) ? PlatformKeyLookup.Found(verifier) : PlatformKeyLookup.UnknownKeyId;
            }

            // Stale keys beat no keys while the platform's key endpoint is down.
            return snapshot is not null && snapshot.Verifiers.TryGetValue(keyId, out var stale)
                ? PlatformKeyLookup.Found(stale)
                : PlatformKeyLookup.Unavailable;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>
    /// Called after a signature failed to verify with <paramref name="used"/>: fetches the key set once more, unless it
    /// was fetched (or tried) less than <see cref="LtiToolOptions.JwksRefetchInterval"/> ago. Returns a different
    /// verifier for <paramref name="keyId"/> to try, or null when there is nothing new (the caller refuses the token).
    /// </summary>
    public async ValueTask<SignatureProvider?> RefetchAfterFailedSignatureAsync(string jwksUri, string keyId, SignatureProvider used, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(jwksUri, out var entry))
        {
            return null;
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have re-fetched while this one waited.
            if (entry.Snapshot is { } known && known.Verifiers.TryGetValue(keyId, out var newer) && !ReferenceEquals(newer, used))
            {
                return newer;
            }

            var now = time.GetUtcNow();
            if (entry.LastAttempt is { } last && now - last < options.CurrentValue.JwksRefetchInterval)
            {
                return null;
            }

            entry.LastAttempt = now;
            var fetched = await FetchAsync(jwksUri, now, cancellationToken).ConfigureAwait(false);
            if (fetched is null)
            {
                return null; // Stale keys stay: the token is refused, the platform's outage does not become ours.
            }
            entry.Snapshot = fetched;
            return fetched.Verifiers.GetValueOrDefault(keyId);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private bool TryFresh(Entry entry, string keyId, LtiToolOptions settings, out PlatformKeyLookup found)
    {
        var snapshot = entry.Snapshot;
        if (snapshot is not null
            && time.GetUtcNow() - snapshot.FetchedAt < settings.JwksCacheLifetime
            && snapshot.Verifiers.TryGetValue(keyId, out var verifier))
        {
            found = PlatformKeyLookup.Found(verifier);
            return true;
        }
        found = default;
        return false;
    }

    private async Task<KeySetSnapshot?> FetchAsync(string jwksUri, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var span = LtiActivities.Source.StartActivity("lti.jwks.fetch");
        span?.SetTag("server.address", Uri.TryCreate(jwksUri, UriKind.Absolute, out var uri) ? uri.Host : null);
        var fetched = await FetchKeySetAsync(jwksUri, now, cancellationToken).ConfigureAwait(false);
        span?.SetTag("lti.jwks.keys", fetched?.Verifiers.Count);
        span?.SetStatus(fetched is null ? System.Diagnostics.ActivityStatusCode.Error : System.Diagnostics.ActivityStatusCode.Unset);
        return fetched;
    }

    private async Task<KeySetSnapshot?> FetchKeySetAsync(string jwksUri, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, jwksUri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogFetchFailed(logger, jwksUri, $"HTTP {(int)response.StatusCode}");
                return null;
            }
            if (response.Content.Headers.ContentLength > MaxKeySetBytes)
            {
                LogFetchFailed(logger, jwksUri, "key set too large");
                return null;
            }
            var json = await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (json is null)
            {
                LogFetchFailed(logger, jwksUri, "key set too large");
                return null;
            }
            var snapshot = new KeySetSnapshot(ParseVerifiers(json), now);
            LogFetched(logger, jwksUri, snapshot.Verifiers.Count);
            return snapshot;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException or FormatException or CryptographicException or InvalidOperationException
                                   && !cancellationToken.IsCancellationRequested)
        {
            LogFetchFailed(logger, jwksUri, ex.GetType().Name);
            return null;
        }
    }

    private static async Task<string?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxKeySetBytes + 1];
        var total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > MaxKeySetBytes)
            {
                return null;
            }
        }
        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }

    /// <summary>RSA signing keys only; a key with another use or algorithm is not a launch key.</summary>
    internal static FrozenDictionary<string, SignatureProvider> ParseVerifiers(string json)
    {
        var keySet = new JsonWebKeySet(json);
        var verifiers = new Dictionary<string, SignatureProvider>(StringComparer.Ordinal);
        foreach (var key in keySet.Keys)
        {
            if (key.Kty != JsonWebAlgorithmsKeyTypes.RSA
                || string.IsNullOrEmpty(key.Kid) || string.IsNullOrEmpty(key.N) || string.IsNullOrEmpty(key.E)
                || (!string.IsNullOrEmpty(key.Use) && key.Use != JsonWebKeyUseNames.Sig)
                || (!string.IsNullOrEmpty(key.Alg) && key.Alg != SecurityAlgorithms.RsaSha256)
                || verifiers.ContainsKey(key.Kid))
            {
                continue;
            }
            try
            {
                var modulus = Base64UrlEncoder.DecodeBytes(key.N);
                if (modulus.Length * 8 < MinRsaKeyBits)
                {
                    continue; // RFC 7518 §3.3: RS256 keys are at least 2048 bits.
                }
                var rsaKey = new RsaSecurityKey(new RSAParameters { Modulus = modulus, Exponent = Base64UrlEncoder.DecodeBytes(key.E) }) { KeyId = key.Kid };
                verifiers[key.Kid] = new AsymmetricSignatureProvider(rsaKey, SecurityAlgorithms.RsaSha256, willCreateSignatures: false);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or CryptographicException)
            {
                // One malformed key must not hide the platform's good ones.
            }
        }
        return verifiers.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record KeySetSnapshot(FrozenDictionary<string, SignatureProvider> Verifiers, DateTimeOffset FetchedAt);

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public volatile KeySetSnapshot? Snapshot;
        public DateTimeOffset? LastAttempt;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched platform key set {JwksUri}: {KeyCount} RS256 keys")]
    private static partial void LogFetched(ILogger logger, string jwksUri, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch platform key set {JwksUri}: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, string jwksUri, string reason);
}
