using System.Text.Json.Serialization;

namespace LtiCurriculum.Lti.Ags;

/// <summary>The body of a score POST (AGS 2.0 §3.4), members in spec order, nulls left out.</summary>
internal sealed record ScorePayload(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("scoreGiven")] decimal? ScoreGiven,
    [property: JsonPropertyName("scoreMaximum")] decimal? ScoreMaximum,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("activityProgress")] string ActivityProgress,
    [property: JsonPropertyName("gradingProgress")] string GradingProgress,
    [property: JsonPropertyName("https://canvas.instructure.com/lti/submission")] CanvasSubmissionPayload? CanvasSubmission)
{
    /// <summary>Validates what platforms would reject anyway (Canvas 422, Moodle 400) before anything is sent.</summary>
    public static ScorePayload From(Score score)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentException.ThrowIfNullOrWhiteSpace(score.UserId, "score.UserId");
        if (score.ScoreGiven is { } given)
        {
            if (score.ScoreMaximum is not { } maximum)
            {
                throw new ArgumentException("scoreMaximum is required when scoreGiven is set (Canvas answers 422).", nameof(score));
            }
            if (given < 0 || maximum <= 0)
            {
                throw new ArgumentException("scoreGiven must be ≥ 0 and scoreMaximum > 0.", nameof(score));
            }
        }
        return new ScorePayload(
            score.UserId,
            score.ScoreGiven is { } g ? AgsJson.Plain(g) : null,
            score.ScoreGiven is not null && score.ScoreMaximum is { } m ? AgsJson.Plain(m) : null,
            score.Comment,
            AgsJson.Timestamp(score.Timestamp),
            score.ActivityProgress.ToString(),
            score.GradingProgress.ToString(),
            score.CanvasSubmission is { } canvas
                ? new CanvasSubmissionPayload(canvas.NewSubmission, canvas.SubmittedAt is { } at ? AgsJson.Timestamp(at) : null)
                : null);
    }
}

internal sealed record CanvasSubmissionPayload(
    [property: JsonPropertyName("new_submission")] bool NewSubmission,
    [property: JsonPropertyName("submitted_at")] string? SubmittedAt);
