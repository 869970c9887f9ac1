namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The <c>jti</c> of every client assertion the token endpoint accepted, kept until the assertion could no longer be
/// accepted anyway, so each is good once. At most <see cref="Capacity"/> kept (those expiring first go first).
/// </summary>
internal sealed class UsedAssertionIds(TimeProvider timeProvider)
{
    public const int Capacity = 100_000;

    private readonly Dictionary<string, DateTimeOffset> used = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Records <paramref name="jti"/> until <paramref name="forgetAfter"/>; false when it was already used.</summary>
    public bool TryUse(string jti, DateTimeOffset forgetAfter)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (used.TryGetValue(jti, out var until) && until > now)
            {
                return false;
            }

            if (used.Count >= Capacity)
            {
                foreach (var (expired, _) in used.Where(pair => pair.Value <= now).ToList())
                {
                    used.Remove(expired);
                }
            }

            if (used.Count >= Capacity)
            {
                used.Remove(used.MinBy(pair => pair.Value).Key);
            }

            used[jti] = forgetAfter;
            return true;
        }
    }
}
