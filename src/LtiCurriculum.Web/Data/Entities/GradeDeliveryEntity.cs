namespace LtiCurriculum.Web.Data.Entities;

public enum GradeDeliveryStatus
{
    /// <summary>Waiting for the worker (first try or a retry after backoff).</summary>
    Pending = 0,
    Delivered = 1,
    /// <summary>Failed permanently or too often; an instructor or admin must look and retry.</summary>
    NeedsAttention = 2,
    /// <summary>Not sent by design: a Moodle score awaiting manual grading (Moodle would clear the grade).</summary>
    Held = 3,
    /// <summary>A newer score of the same learner and link was delivered first; sending this one would be older.</summary>
    Superseded = 4,
    /// <summary>The platform says the user is not a gradable student (Canvas Test Student, instructor preview).</summary>
    NotGradable = 5,
}

/// <summary>
/// One outgoing score (the outbox). Written in the same transaction as the submission or grading that caused
/// it; delivered by Grades.GradeDeliveryWorker. Timestamps strictly increase per (link, user), so the platform
/// sees them in order; rows of one (link, user) are delivered one after the other, oldest first.
/// </summary>
public sealed class GradeDeliveryEntity
{
    public long Id { get; set; }
    public int PlatformId { get; set; }
    public int ResourceLinkDbId { get; set; }
    public int UserDbId { get; set; }
    public int? AttemptId { get; set; }
    public decimal? ScoreGiven { get; set; }
    public decimal? ScoreMaximum { get; set; }
    /// <summary>True when reflections still await the instructor (PendingManual).</summary>
    public bool AwaitingInstructor { get; set; }
    /// <summary>An update of a score already sent for the same attempt (instructor grading).</summary>
    public bool IsRegrade { get; set; }
    /// <summary>The score's AGS timestamp.</summary>
    public DateTimeOffset Timestamp { get; set; }
    /// <summary>The instructor's comment to the learner (AGS 2.0 score <c>comment</c>).</summary>
    public string? Comment { get; set; }
    /// <summary>When the learner submitted (Canvas' submitted_at, so a late delivery never marks work late).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    public GradeDeliveryStatus Status { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    /// <summary>A send was started whose answer never came (crash, timeout): the platform may already have it.</summary>
    public bool MaybeSent { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
