using System.Text.Json;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// A score POST body (AGS 2.0 §3.4) as read, with <see cref="Problem"/> naming the first missing or invalid member.
/// Members are kept as far as they could be read, so the score log shows what arrived.
/// </summary>
internal sealed record ScoreSubmission
{
    public const string CanvasSubmissionMember = "https://canvas.instructure.com/lti/submission";

    public static readonly IReadOnlySet<string> ActivityProgressValues =
        new HashSet<string>(["Initialized", "Started", "InProgress", "Submitted", "Completed"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> GradingProgressValues =
        new HashSet<string>(["FullyGraded", "Pending", "PendingManual", "Failed", "NotReady"], StringComparer.Ordinal);

    public string? UserId { get; init; }

    public string? TimestampText { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public decimal? ScoreGiven { get; init; }

    public decimal? ScoreMaximum { get; init; }

    public string? Comment { get; init; }

    public string? ActivityProgress { get; init; }

    public string? GradingProgress { get; init; }

    /// <summary>Canvas' submission extension, when the body has one.</summary>
    public CanvasSubmissionExtension? CanvasSubmission { get; init; }

    public string? Problem { get; init; }

    public static ScoreSubmission Unreadable(string problem) => new() { Problem = problem };

    public static ScoreSubmission Read(JsonElement body)
    {
        var userId = Text(body, "userId", 255);
        var timestampText = Text(body, "timestamp", 100);
        var timestampOk = IsoTime.TryParse(timestampText, out var timestamp);
        var given = Number(body, "scoreGiven");
        var maximum = Number(body, "scoreMaximum");
        var comment = Text(body, "comment", 10_000);
        var activity = Text(body, "activityProgress", 100);
        var grading = Text(body, "gradingProgress", 100);
        var problem =
            string.IsNullOrEmpty(userId) ? "userId is required: a string of at most 255 characters"
            : !timestampOk ? "timestamp is required: an ISO 8601 date and time with Z or an offset"
            : activity is null || !ActivityProgressValues.Contains(activity) ? "activityProgress is required: one of " + string.Join(", ", ActivityProgressValues)
            : grading is null || !GradingProgressValues.Contains(grading) ? "gradingProgress is required: one of " + string.Join(", ", GradingProgressValues)
            : !given.Ok || given.Value < 0 ? "scoreGiven, when sent, must be a number of at least 0"
            : !maximum.Ok ? "scoreMaximum, when sent, must be a number"
            : Present(body, "comment") && comment is null ? "comment, when sent, must be a string of at most 10000 characters"
            : null;
        return new ScoreSubmission
        {
            UserId = userId,
            TimestampText = timestampText,
            Timestamp = timestamp,
            ScoreGiven = given.Value,
            ScoreMaximum = maximum.Value,
            Comment = comment,
            ActivityProgress = activity,
            GradingProgress = grading,
            CanvasSubmission = CanvasSubmissionExtension.Read(body),
            Problem = problem,
        };
    }

    private static bool Present(JsonElement body, string name) =>
        body.TryGetProperty(name, out var member) && member.ValueKind != JsonValueKind.Null;

    private static string? Text(JsonElement body, string name, int maxLength) =>
        body.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String && member.GetString() is { } text && text.Length <= maxLength
            ? text
            : null;

    /// <summary>Absent or null is fine (no value); anything but a number is not.</summary>
    private static (bool Ok, decimal? Value) Number(JsonElement body, string name)
    {
        if (!Present(body, name))
        {
            return (true, null);
        }

        var member = body.GetProperty(name);
        return member.ValueKind == JsonValueKind.Number && member.TryGetDecimal(out var value) ? (true, value) : (false, null);
    }
}
