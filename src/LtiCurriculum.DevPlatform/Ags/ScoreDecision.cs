namespace LtiCurriculum.DevPlatform;

/// <summary>What a style's rules made of a score post: accepted with the values to store, or refused with a status.</summary>
internal sealed record ScoreDecision(int StatusCode, string? Message, ScoreUpdate? Update)
{
    public bool Accepted => Update is not null;

    public static ScoreDecision Accept(ScoreUpdate update) => new(200, null, update);

    public static ScoreDecision Refuse(int statusCode, string message) => new(statusCode, message, null);
}

/// <summary>
/// The values an accepted score leaves on the result. <see cref="SubmissionTimeMoved"/>: this post set Canvas'
/// submission time to a new value, which Canvas would use to mark the work late.
/// </summary>
internal sealed record ScoreUpdate(
    decimal? ScoreGiven,
    decimal? ScoreMaximum,
    DateTimeOffset? SubmittedAt = null,
    bool? NewSubmission = null,
    bool SubmissionTimeMoved = false);
