using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The deep linking requests the platform sent and has not had an answer to, keyed by the deep_linking_settings
/// <c>data</c> value each carried (random, so it names one request). A response's <c>data</c> must name one of them
/// (Deep Linking 2.0 §4.4: the tool echoes it exactly); each is used at most once and is good for
/// <see cref="Lifetime"/>. Used values are remembered a while longer, so a replay is told apart from a made-up value.
/// Thread-safe; at most <see cref="Capacity"/> of each kept (the oldest go first).
/// </summary>
internal sealed class DeepLinkingRequests(TimeProvider timeProvider)
{
    public const int Capacity = 1000;

    /// <summary>How long an instructor may take in the tool's picker.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly Dictionary<string, DeepLinkingRequest> open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> used = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Remembers a request about to be sent and returns its <c>data</c> value: <c>{courseId}:{random}</c>.</summary>
    public string Open(string courseId, string clientId, string deploymentId, string userKey, bool acceptMultiple)
    {
        var data = $"{courseId}:{Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16))}";
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            Trim(open, now, request => request.ExpiresAt);
            open[data] = new DeepLinkingRequest(data, courseId, clientId, deploymentId, userKey, acceptMultiple, now + Lifetime);
        }

        return data;
    }

    /// <summary>The open request named by <paramref name="data"/>, without using it up; otherwise why not.</summary>
    public (DeepLinkingRequest? Request, string? Problem) Find(string data)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (open.TryGetValue(data, out var request))
            {
                return request.ExpiresAt > now
                    ? (request, null)
                    : (null, $"the deep linking request with this data expired; requests are good for {Lifetime.TotalMinutes:0} minutes");
            }

            return used.ContainsKey(data)
                ? (null, "this data was already used by an earlier response: a deep linking request is answered once (replay refused)")
                : (null, "the data matches no deep linking request this platform sent; echo the request's data exactly");
        }
    }

    /// <summary>Uses the request up; false when another response used it first.</summary>
    public bool TryUse(string data)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (!open.Remove(data))
            {
                return false;
            }

            Trim(used, now, expires => expires);
            used[data] = now + Lifetime;
            return true;
        }
    }

    private static void Trim<T>(Dictionary<string, T> entries, DateTimeOffset now, Func<T, DateTimeOffset> expiresAt)
    {
        if (entries.Count < Capacity)
        {
            return;
        }

        foreach (var (key, value) in entries.ToList())
        {
            if (expiresAt(value) <= now)
            {
                entries.Remove(key);
            }
        }

        if (entries.Count >= Capacity)
        {
            entries.Remove(entries.MinBy(entry => expiresAt(entry.Value)).Key);
        }
    }
}

/// <summary>A deep linking request the platform sent: where its answer's items go and what the answer must match.</summary>
internal sealed record DeepLinkingRequest(string Data, string CourseId, string ClientId, string DeploymentId, string UserKey, bool AcceptMultiple, DateTimeOffset ExpiresAt);
