using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Results per line item and user. A score post is judged and applied under one lock, so concurrent posts for the
/// same user see each other's timestamps. Holds at most <see cref="Capacity"/> results.
/// </summary>
internal sealed class ResultStore
{
    public const int Capacity = 100_000;

    private readonly Dictionary<long, Dictionary<string, StoredResult>> byLineItem = [];
    private readonly Lock gate = new();
    private long lastId;
    private int count;

    /// <summary>Judges <paramref name="score"/> with <paramref name="decide"/> against the stored result and keeps it when accepted.</summary>
    public ScorePosted Post(long lineItemId, ScoreSubmission score, Func<StoredResult?, ScoreDecision> decide)
    {
        lock (gate)
        {
            var results = byLineItem.GetValueOrDefault(lineItemId);
            var existing = score.UserId is null ? null : results?.GetValueOrDefault(score.UserId);
            var replay = existing is not null && score.Problem is null && existing.RecentTimestamps.Contains(score.Timestamp);
            var decision = decide(existing);
            if (decision.Update is null)
            {
                return new ScorePosted(decision, replay, existing);
            }

            if (existing is null && count >= Capacity)
            {
                var full = ScoreDecision.Refuse(StatusCodes.Status507InsufficientStorage, $"The development platform holds at most {Capacity} results; POST control/reset.");
                return new ScorePosted(full, replay, null);
            }

            var stored = Apply(lineItemId, score, decision.Update, existing);
            if (results is null)
            {
                byLineItem[lineItemId] = results = new Dictionary<string, StoredResult>(StringComparer.Ordinal);
            }

            count += existing is null ? 1 : 0;
            results[stored.UserId] = stored;
            return new ScorePosted(decision, replay, stored);
        }
    }

    public IReadOnlyList<StoredResult> ForLineItem(long lineItemId)
    {
        lock (gate)
        {
            return byLineItem.TryGetValue(lineItemId, out var results) ? [.. results.Values.OrderBy(result => result.Id)] : [];
        }
    }

    public IReadOnlyList<StoredResult> All()
    {
        lock (gate)
        {
            return [.. byLineItem.Values.SelectMany(results => results.Values).OrderBy(result => result.Id)];
        }
    }

    public void RemoveLineItem(long lineItemId)
    {
        lock (gate)
        {
            if (byLineItem.Remove(lineItemId, out var removed))
            {
                count -= removed.Count;
            }
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            byLineItem.Clear();
            count = 0;
        }
    }

    private StoredResult Apply(long lineItemId, ScoreSubmission score, ScoreUpdate update, StoredResult? existing)
    {
        var timestamps = (existing?.RecentTimestamps ?? []).Append(score.Timestamp).TakeLast(StoredResult.RememberedTimestamps).ToList();
        return new StoredResult(
            existing?.Id ?? ++lastId,
            lineItemId,
            score.UserId!,
            update.ScoreGiven,
            update.ScoreMaximum,
            score.Comment,
            score.ActivityProgress!,
            score.GradingProgress!,
            score.Timestamp,
            score.TimestampText!,
            update.SubmittedAt,
            update.NewSubmission,
            (existing?.SubmissionTimeMoved ?? false) || update.SubmissionTimeMoved,
            (existing?.AcceptedPosts ?? 0) + 1,
            timestamps);
    }
}

/// <summary>The decision on a score post, whether it replayed an accepted one, and the result as it now stands.</summary>
internal sealed record ScorePosted(ScoreDecision Decision, bool Replay, StoredResult? Result);
