namespace LtiCurriculum.DevPlatform;

/// <summary>
/// One score post as it arrived and how it was answered. <see cref="Timestamp"/> is the string as received;
/// <see cref="Replay"/>: an earlier accepted post had the same line item, user and timestamp. <see cref="Comment"/>: the score's comment as posted.
/// </summary>
internal sealed record ScoreLogEntry(
    long Sequence,
    DateTimeOffset ReceivedAt,
    long LineItemId,
    string CourseId,
    string? UserId,
    string? Timestamp,
    decimal? ScoreGiven,
    string? GradingProgress,
    string? ActivityProgress,
    int Status,
    bool Replay,
    bool SubmissionTimeMoved,
    string? Comment);
