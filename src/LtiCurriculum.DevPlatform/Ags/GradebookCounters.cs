namespace LtiCurriculum.DevPlatform;

/// <summary>Running totals since start or the last reset, for tests to assert on.</summary>
internal sealed class GradebookCounters
{
    private long tokenRequests;
    private long tokensIssued;
    private long scoresAccepted;
    private long scoresRejected;
    private long replays;
    private long lineItemsCreated;
    private long duplicateLineItemsCreated;

    public long TokenRequests => Interlocked.Read(ref tokenRequests);

    public long TokensIssued => Interlocked.Read(ref tokensIssued);

    public long ScoresAccepted => Interlocked.Read(ref scoresAccepted);

    public long ScoresRejected => Interlocked.Read(ref scoresRejected);

    /// <summary>Score posts with the (line item, user, timestamp) of an earlier accepted post.</summary>
    public long Replays => Interlocked.Read(ref replays);

    /// <summary>Line items a tool POSTed (not the seed, not the coupled ones).</summary>
    public long LineItemsCreated => Interlocked.Read(ref lineItemsCreated);

    /// <summary>Line items POSTed with the link, resource id and tag of one that already existed in the course.</summary>
    public long DuplicateLineItemsCreated => Interlocked.Read(ref duplicateLineItemsCreated);

    public void TokenRequested() => Interlocked.Increment(ref tokenRequests);

    public void TokenIssued() => Interlocked.Increment(ref tokensIssued);

    public void ScoreAnswered(bool accepted, bool replay)
    {
        Interlocked.Increment(ref accepted ? ref scoresAccepted : ref scoresRejected);
        if (replay)
        {
            Interlocked.Increment(ref replays);
        }
    }

    public void LineItemCreated(bool duplicate)
    {
        Interlocked.Increment(ref lineItemsCreated);
        if (duplicate)
        {
            Interlocked.Increment(ref duplicateLineItemsCreated);
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref tokenRequests, 0);
        Interlocked.Exchange(ref tokensIssued, 0);
        Interlocked.Exchange(ref scoresAccepted, 0);
        Interlocked.Exchange(ref scoresRejected, 0);
        Interlocked.Exchange(ref replays, 0);
        Interlocked.Exchange(ref lineItemsCreated, 0);
        Interlocked.Exchange(ref duplicateLineItemsCreated, 0);
    }
}
