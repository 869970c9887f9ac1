namespace LtiCurriculum.Lti.Ags;

/// <summary>One score publish (AGS 2.0 §3.4). Timestamp is written in UTC with milliseconds.</summary>
public sealed record Score
{
    public required string UserId { get; init; }
    /// <summary>When set, <see cref="ScoreMaximum"/> is required; when null, neither is sent.</summary>
    public decimal? ScoreGiven { get; init; }
    public decimal? ScoreMaximum { get; init; }
    public string? Comment { get; init; }
    /// <summary>Platforms refuse a score not newer than the last one (Canvas 400, Moodle 409).</summary>
    public required DateTimeOffset Timestamp { get; init; }
    public required ActivityProgress ActivityProgress { get; init; }
    public required GradingProgress GradingProgress { get; init; }
    /// <summary>Sent only when set (Canvas platforms).</summary>
    public CanvasSubmission? CanvasSubmission { get; init; }
}
