using System.Text.Json;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Canvas' score extension <c>https://canvas.instructure.com/lti/submission</c>: <c>new_submission</c> and
/// <c>submitted_at</c>. <see cref="SubmittedAtValid"/> is false when submitted_at was sent but is no ISO 8601 time.
/// </summary>
internal sealed record CanvasSubmissionExtension(bool? NewSubmission, DateTimeOffset? SubmittedAt, bool SubmittedAtValid)
{
    public static CanvasSubmissionExtension? Read(JsonElement body)
    {
        if (!body.TryGetProperty(ScoreSubmission.CanvasSubmissionMember, out var extension) || extension.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        bool? newSubmission = extension.TryGetProperty("new_submission", out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? flag.GetBoolean()
            : null;
        if (!extension.TryGetProperty("submitted_at", out var submitted) || submitted.ValueKind == JsonValueKind.Null)
        {
            return new CanvasSubmissionExtension(newSubmission, null, true);
        }

        var valid = IsoTime.TryParse(submitted.ValueKind == JsonValueKind.String ? submitted.GetString() : null, out var submittedAt);
        return new CanvasSubmissionExtension(newSubmission, valid ? submittedAt : null, valid);
    }
}
