using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using LtiCurriculum.Lti.Storage;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Lti.Ags;

/// <summary>
/// Access tokens per (platform, scope set), cached until shortly before expiry; one request in flight per key.
/// The request runs on its own, not under any caller's CancellationToken: a caller that gives up stops waiting
/// but the others still get the token (the client's 15 s timeout bounds it). A failed request is not cached.
/// </summary>
public sealed partial class PlatformAccessTokens
{
    public const string HttpClientName = "lti-ags";
    internal static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(1);
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IToolKeyStore _toolKeys;
    private readonly TimeProvider _time;
    private readonly ILogger<PlatformAccessTokens> _logger;
    private readonly ConcurrentDictionary<TokenKey, Slot> _slots = new();

    public PlatformAccessTokens(IHttpClientFactory httpClientFactory, IToolKeyStore toolKeys, TimeProvider time, ILogger<PlatformAccessTokens> logger)
    {
        _httpClientFactory = httpClientFactory;
        _toolKeys = toolKeys;
        _time = time;
        _logger = logger;
    }

    internal TimeProvider Time => _time;

    public async ValueTask<string> GetAsync(AgsPlatform platform, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var key = TokenKey.Of(platform, scopes);
        cancellationToken.ThrowIfCancellationRequested();
        var slot = _slots.GetOrAdd(key, static _ => new Slot());
        Task<Grant> pending;
        lock (slot.Sync)
        {
            if (slot.Grant is { } cached && _time.GetUtcNow() < cached.RefreshAt)
            {
                return cached.AccessToken;
            }
            // Task.Run: the request never starts inside the lock, so its completion can take the lock safely.
            pending = slot.Pending ??= Task.Run(() => RequestAndStoreAsync(key, slot));
        }
        var grant = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        return grant.AccessToken;
    }

    /// <summary>Drops <paramref name="token"/> if it is still the cached one (a 401 said it is no longer good).</summary>
    public void Invalidate(AgsPlatform platform, IReadOnlyCollection<string> scopes, string token)
    {
        if (_slots.TryGetValue(TokenKey.Of(platform, scopes), out var slot))
        {
            lock (slot.Sync)
            {
                if (slot.Grant is { } cached && string.Equals(cached.AccessToken, token, StringComparison.Ordinal))
                {
                    slot.Grant = null;
                }
            }
        }
    }

    private async Task<Grant> RequestAndStoreAsync(TokenKey key, Slot slot)
    {
        try
        {
            var grant = await RequestAsync(key).ConfigureAwait(false);
            lock (slot.Sync)
            {
                slot.Grant = grant;
                slot.Pending = null;
            }
            return grant;
        }
        catch
        {
            lock (slot.Sync)
            {
                slot.Pending = null;
            }
            throw;
        }
    }

    private async Task<Grant> RequestAsync(TokenKey key)
    {
        var platform = key.Platform;
        using var span = LtiActivities.StartCall("lti.ags.token", platform.PlatformId);
        var endpoint = AgsUrls.ToRequestUri(platform.TokenEndpoint);
        var sentAt = _time.GetUtcNow();
        var assertion = ClientAssertion.Create(platform, await CurrentToolKeyAsync().ConfigureAwait(false), sentAt);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                new("client_assertion", assertion),
                new("scope", key.Scope),
            ]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            var client = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None).ConfigureAwait(false);
            if (!PlatformResponse.IsSuccess(response.StatusCode))
            {
                var body = await PlatformResponse.ReadErrorBodyAsync(response, CancellationToken.None).ConfigureAwait(false);
                LogTokenRejected(_logger, platform.PlatformId, platform.TokenEndpoint, (int)response.StatusCode, body);
                throw PlatformResponse.Failure("The platform's token endpoint", response, body, _time.GetUtcNow(), fromTokenEndpoint: true);
            }
            var json = await PlatformResponse.ReadBodyAsync(response, fromTokenEndpoint: true, CancellationToken.None).ConfigureAwait(false);
            var grant = ToGrant(Parse(json, (int)response.StatusCode), sentAt, (int)response.StatusCode);
            LogTokenIssued(_logger, platform.PlatformId, key.Scope, grant.RefreshAt - sentAt);
            return grant;
        }
        catch (Exception ex) when (LtiActivities.RecordFailure(ex))
        {
            throw; // Never reached: the filter marks the span and declines.
        }
        catch (Exception ex) when (PlatformResponse.IsNetworkFailure(ex, CancellationToken.None))
        {
            LogTokenUnreachable(_logger, ex, platform.PlatformId, platform.TokenEndpoint);
            throw PlatformResponse.NetworkFailure("The platform's token endpoint", ex, fromTokenEndpoint: true);
        }
    }

    private async ValueTask<ToolKey> CurrentToolKeyAsync()
    {
        var keys = await _toolKeys.GetPublishedKeysAsync(CancellationToken.None).ConfigureAwait(false);
        return keys.FirstOrDefault(k => k.IsCurrent)
            ?? throw new AgsException("The tool has no current signing key, so it cannot ask a platform for an access token.",
                null, null, null, isTransient: false, fromTokenEndpoint: true);
    }

    // A successful token response holds the token: its body is never logged nor put into the exception.
    private static TokenResponse Parse(byte[] json, int status)
    {
        try
        {
            return JsonSerializer.Deserialize(json, AgsJsonContext.Default.TokenResponse) ?? throw new JsonException();
        }
        catch (JsonException ex)
        {
            throw new AgsException("The token endpoint's response is not a JSON token response.", status, null, null, false, true, ex);
        }
    }

    private static Grant ToGrant(TokenResponse response, DateTimeOffset sentAt, int status)
    {
        if (string.IsNullOrEmpty(response.AccessToken))
        {
            throw new AgsException("The token endpoint's response has no access_token.", status, null, null, false, true);
        }
        if (!string.Equals(response.TokenType, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new AgsException($"The token endpoint issued token_type '{response.TokenType}', not Bearer.", status, null, null, false, true);
        }
        var lifetime = response.ExpiresIn is { } seconds && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, MaxLifetime.TotalSeconds))
            : DefaultLifetime;
        var margin = lifetime / 10 < RefreshMargin ? lifetime / 10 : RefreshMargin;
        return new Grant(response.AccessToken, sentAt + lifetime - margin);
    }

    private readonly record struct TokenKey(AgsPlatform Platform, string Scope)
    {
        public static TokenKey Of(AgsPlatform platform, IReadOnlyCollection<string> scopes)
        {
            ArgumentNullException.ThrowIfNull(platform);
            ArgumentNullException.ThrowIfNull(scopes);
            var scope = string.Join(' ', scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            return scope.Length == 0 ? throw new ArgumentException("At least one scope is required.", nameof(scopes)) : new TokenKey(platform, scope);
        }
    }

    private sealed record Grant(string AccessToken, DateTimeOffset RefreshAt);

    private sealed class Slot
    {
        public readonly Lock Sync = new();
        public Grant? Grant;
        public Task<Grant>? Pending;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform {PlatformId} issued an access token for {Scope}, reused for {Reuse}")]
    private static partial void LogTokenIssued(ILogger logger, int platformId, string scope, TimeSpan reuse);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Platform {PlatformId} token endpoint {TokenEndpoint} refused the token request: HTTP {StatusCode} {PlatformBody}")]
    private static partial void LogTokenRejected(ILogger logger, int platformId, string tokenEndpoint, int statusCode, string platformBody);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Platform {PlatformId} token endpoint {TokenEndpoint} could not be reached")]
    private static partial void LogTokenUnreachable(ILogger logger, Exception exception, int platformId, string tokenEndpoint);
}
