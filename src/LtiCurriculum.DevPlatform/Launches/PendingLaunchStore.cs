using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Pending launches keyed by a random lti_message_hint: each taken at most once, gone after five minutes,
/// and at most <c>capacity</c> kept (the oldest goes first).
/// </summary>
internal sealed class PendingLaunchStore
{
    public const int DefaultCapacity = 1000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private readonly int capacity;

    public PendingLaunchStore(TimeProvider timeProvider, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.timeProvider = timeProvider;
        this.capacity = capacity;
    }

    /// <summary>Keeps the launch and returns its new lti_message_hint.</summary>
    public string Remember(PendingLaunch launch)
    {
        var hint = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (entries.Count >= capacity)
            {
                RemoveExpired(now);
            }

            if (entries.Count >= capacity)
            {
                entries.Remove(entries.MinBy(entry => entry.Value.ExpiresAt).Key);
            }

            entries[hint] = new Entry(launch, now + Lifetime);
        }

        return hint;
    }

    /// <summary>Removes and returns the launch for this hint, when it is known and not expired.</summary>
    public bool TryTake(string? hint, [NotNullWhen(true)] out PendingLaunch? launch)
    {
        launch = null;
        if (string.IsNullOrEmpty(hint))
        {
            return false;
        }

        Entry? entry;
        lock (gate)
        {
            if (!entries.Remove(hint, out entry))
            {
                return false;
            }
        }

        if (entry.ExpiresAt <= timeProvider.GetUtcNow())
        {
            return false;
        }

        launch = entry.Launch;
        return true;
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (hint, entry) in entries)
        {
            if (entry.ExpiresAt <= now)
            {
                entries.Remove(hint);
            }
        }
    }

    private sealed record Entry(PendingLaunch Launch, DateTimeOffset ExpiresAt);
}
