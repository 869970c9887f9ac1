namespace LtiCurriculum.DevPlatform;

/// <summary>
/// A user's result on a line item: the last accepted score as the style stored it, Canvas' submission time, and
/// how many posts were accepted. <see cref="RecentTimestamps"/> (the last few accepted) tells a replay.
/// </summary>
internal sealed record StoredResult(
    long Id,
    long LineItemId,
    string UserId,
    decimal? ScoreGiven,
    decimal? ScoreMaximum,
    string? Comment,
    string ActivityProgress,
    string GradingProgress,
    DateTimeOffset Timestamp,
    string TimestampText,
    DateTimeOffset? SubmittedAt,
    bool? NewSubmission,
    bool SubmissionTimeMoved,
    int AcceptedPosts,
    IReadOnlyList<DateTimeOffset> RecentTimestamps)
{
    public const int RememberedTimestamps = 32;
}
