using System.Text.Json.Serialization;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// GET {issuer}/gradebook.json: everything the gradebook holds, for tests to assert on. Line item ids are the URLs
/// the services give them (current style and origin); nulls are written, not left out.
/// </summary>
internal sealed record GradebookSnapshot(
    [property: JsonPropertyName("style")] string Style,
    [property: JsonPropertyName("lineItems")] IReadOnlyList<LineItemRow> LineItems,
    [property: JsonPropertyName("results")] IReadOnlyList<ResultRow> Results,
    [property: JsonPropertyName("scoreLog")] IReadOnlyList<ScoreLogRow> ScoreLog,
    [property: JsonPropertyName("counters")] CounterRow Counters);

internal sealed record LineItemRow(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("courseId")] string CourseId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("scoreMaximum")] decimal ScoreMaximum,
    [property: JsonPropertyName("resourceLinkId")] string? ResourceLinkId,
    [property: JsonPropertyName("resourceId")] string? ResourceId,
    [property: JsonPropertyName("tag")] string? Tag,
    [property: JsonPropertyName("createdByTool")] bool CreatedByTool,
    [property: JsonPropertyName("coupledToLink")] bool CoupledToLink);

internal sealed record ResultRow(
    [property: JsonPropertyName("lineItemId")] string LineItemId,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("scoreGiven")] decimal? ScoreGiven,
    [property: JsonPropertyName("scoreMaximum")] decimal? ScoreMaximum,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("activityProgress")] string ActivityProgress,
    [property: JsonPropertyName("gradingProgress")] string GradingProgress,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("submittedAt")] DateTimeOffset? SubmittedAt,
    [property: JsonPropertyName("newSubmission")] bool? NewSubmission,
    [property: JsonPropertyName("submissionTimeMoved")] bool SubmissionTimeMoved,
    [property: JsonPropertyName("acceptedPosts")] int AcceptedPosts);

internal sealed record ScoreLogRow(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("receivedAt")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("lineItemId")] string LineItemId,
    [property: JsonPropertyName("userId")] string? UserId,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("scoreGiven")] decimal? ScoreGiven,
    [property: JsonPropertyName("gradingProgress")] string? GradingProgress,
    [property: JsonPropertyName("activityProgress")] string? ActivityProgress,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("replay")] bool Replay,
    [property: JsonPropertyName("submissionTimeMoved")] bool SubmissionTimeMoved,
    [property: JsonPropertyName("comment")] string? Comment);

internal sealed record CounterRow(
    [property: JsonPropertyName("tokenRequests")] long TokenRequests,
    [property: JsonPropertyName("tokensIssued")] long TokensIssued,
    [property: JsonPropertyName("scoresAccepted")] long ScoresAccepted,
    [property: JsonPropertyName("scoresRejected")] long ScoresRejected,
    [property: JsonPropertyName("replays")] long Replays,
    [property: JsonPropertyName("lineItemsCreated")] long LineItemsCreated,
    [property: JsonPropertyName("duplicateLineItemsCreated")] long DuplicateLineItemsCreated);
