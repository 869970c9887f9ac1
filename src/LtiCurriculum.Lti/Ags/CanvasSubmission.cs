namespace LtiCurriculum.Lti.Ags;

/// <summary>
/// Canvas' score extension <c>https://canvas.instructure.com/lti/submission</c>. For a grade-only update send
/// <c>NewSubmission: false</c> and the original <c>SubmittedAt</c>, or Canvas may mark the work late.
/// </summary>
public sealed record CanvasSubmission(bool NewSubmission, DateTimeOffset? SubmittedAt);
