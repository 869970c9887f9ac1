using LtiCurriculum.Lti.Ags;

namespace LtiCurriculum.Web.Grades;

/// <summary>
/// How one outbox row goes on the wire, per platform family (tool_platform.product_family_code).
/// <list type="bullet">
/// <item>Finished scores: Completed / FullyGraded.</item>
/// <item>Reflections awaiting the instructor: Submitted / PendingManual with the points so far. Canvas shows them
/// with "needs grading". Moodle clears the grade of anything not FullyGraded (and would wipe an earlier attempt's
/// grade), so for Moodle such a score is held back and only the instructor's FullyGraded update is sent.</item>
/// <item>Canvas always gets submitted_at (the learner's submit time), so a delivery delayed by an outage or an
/// instructor's re-grade never marks work late; re-grades say new_submission: false.</item>
/// <item>The instructor's comment to the learner goes as the score's comment (AGS 2.0); none when there is none.</item>
/// </list>
/// </summary>
public static class ScorePlan
{
    public static bool IsCanvas(string? family) => string.Equals(family, "canvas", StringComparison.OrdinalIgnoreCase);

    public static bool IsMoodle(string? family) => string.Equals(family, "moodle", StringComparison.OrdinalIgnoreCase);

    public static bool IsHeld(string? family, bool awaitingInstructor) => awaitingInstructor && IsMoodle(family);

    public static Score For(LeasedDelivery delivery) => new()
    {
        UserId = delivery.UserSubject,
        ScoreGiven = delivery.ScoreGiven,
        ScoreMaximum = delivery.ScoreMaximum,
        Timestamp = delivery.Timestamp,
        Comment = delivery.Comment,
        ActivityProgress = delivery.AwaitingInstructor ? ActivityProgress.Submitted : ActivityProgress.Completed,
        GradingProgress = delivery.AwaitingInstructor ? GradingProgress.PendingManual : GradingProgress.FullyGraded,
        CanvasSubmission = IsCanvas(delivery.ProductFamily) ? new CanvasSubmission(!delivery.IsRegrade, delivery.SubmittedAt) : null,
    };
}
