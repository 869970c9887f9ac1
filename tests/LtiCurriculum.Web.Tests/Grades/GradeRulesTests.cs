using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Claims;
using LtiCurriculum.Web.Grades;

namespace LtiCurriculum.Web.Tests.Grades;

/// <summary>The pure rules of grade delivery: timestamps, what goes on the wire per platform, what a failure means.</summary>
public sealed class GradeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Timestamps_strictly_increase_even_when_the_clock_does_not()
    {
        var first = GradeOutbox.NextTimestamp(null, Now.AddTicks(4567));
        Assert.Equal(Now, first);
        Assert.Equal(Now.AddMilliseconds(1), GradeOutbox.NextTimestamp(first, Now));
        Assert.Equal(Now.AddMilliseconds(1), GradeOutbox.NextTimestamp(first, Now.AddMilliseconds(-500)));
        Assert.Equal(Now.AddSeconds(2), GradeOutbox.NextTimestamp(first, Now.AddSeconds(2)));
    }

    [Theory]
    [InlineData(LtiRole.Learner, true)]
    [InlineData(LtiRole.None, true)]
    [InlineData(LtiRole.Instructor, false)]
    [InlineData(LtiRole.TeachingAssistant, false)]
    [InlineData(LtiRole.Instructor | LtiRole.Learner, true)]
    public void Only_learners_are_graded(LtiRole roles, bool graded) => Assert.Equal(graded, GradeOutbox.ReportsGrades(roles));

    [Theory]
    [InlineData(null, false, ActivityProgress.Completed, GradingProgress.FullyGraded, false)]
    [InlineData(null, true, ActivityProgress.Submitted, GradingProgress.PendingManual, false)]
    [InlineData("canvas", true, ActivityProgress.Submitted, GradingProgress.PendingManual, true)]
    [InlineData("canvas", false, ActivityProgress.Completed, GradingProgress.FullyGraded, true)]
    [InlineData("moodle", false, ActivityProgress.Completed, GradingProgress.FullyGraded, false)]
    public void Score_on_the_wire_per_platform(string? family, bool awaiting, ActivityProgress activity, GradingProgress grading, bool canvasExtension)
    {
        var score = ScorePlan.For(Delivery(family, awaiting));
        Assert.Equal(activity, score.ActivityProgress);
        Assert.Equal(grading, score.GradingProgress);
        Assert.Equal("user-1", score.UserId);
        Assert.Equal(7.5m, score.ScoreGiven);
        Assert.Equal(10m, score.ScoreMaximum);
        Assert.Equal(canvasExtension, score.CanvasSubmission is not null);
    }

    [Fact]
    public void Canvas_regrade_is_not_a_new_submission_and_keeps_the_submit_time()
    {
        var score = ScorePlan.For(Delivery("canvas", awaiting: false) with { IsRegrade = true });
        Assert.False(score.CanvasSubmission!.NewSubmission);
        Assert.Equal(Now.AddMinutes(-30), score.CanvasSubmission.SubmittedAt);
    }

    [Fact]
    public void Instructor_comment_goes_as_the_score_comment_and_none_is_sent_without_one()
    {
        Assert.Null(ScorePlan.For(Delivery("canvas", awaiting: false)).Comment);
        Assert.Equal("Well argued.", ScorePlan.For(Delivery("moodle", awaiting: false) with { Comment = "Well argued." }).Comment);
    }

    [Theory]
    [InlineData("moodle", true, true)]
    [InlineData("Moodle", true, true)]
    [InlineData("moodle", false, false)]
    [InlineData("canvas", true, false)]
    [InlineData(null, true, false)]
    public void Moodle_pending_manual_is_held(string? family, bool awaiting, bool held) => Assert.Equal(held, ScorePlan.IsHeld(family, awaiting));

    [Fact]
    public void Transient_failures_retry_and_keep_retry_after()
    {
        var result = DeliveryOutcomes.Classify(Failure(503, transient: true, retryAfter: TimeSpan.FromSeconds(7)), Delivery(null, false));
        Assert.Equal(DeliveryVerdict.Retry, result.Verdict);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.False(result.AnswerUnknown);
        Assert.True(DeliveryOutcomes.Classify(Failure(null, transient: true), Delivery(null, false)).AnswerUnknown);
    }

    [Fact]
    public void Conflict_after_an_unanswered_send_means_the_platform_already_has_it()
    {
        Assert.Equal(DeliveryVerdict.Delivered, DeliveryOutcomes.Classify(Failure(409), Delivery("moodle", false) with { MaybeSentBefore = true }).Verdict);
        Assert.Equal(DeliveryVerdict.NeedsAttention, DeliveryOutcomes.Classify(Failure(409), Delivery("moodle", false)).Verdict);
    }

    [Fact]
    public void Canvas_422_for_a_non_student_is_not_gradable_other_refusals_need_attention()
    {
        var notStudent = Failure(422, body: """{"errors":{"type":"unprocessable_entity","message":"User not found in course or is not a student"}}""");
        Assert.Equal(DeliveryVerdict.NotGradable, DeliveryOutcomes.Classify(notStudent, Delivery("canvas", false)).Verdict);
        Assert.Equal(DeliveryVerdict.NeedsAttention, DeliveryOutcomes.Classify(Failure(422, body: """{"errors":{"message":"ScoreMaximum not supplied"}}"""), Delivery("canvas", false)).Verdict);
        var old = DeliveryOutcomes.Classify(Failure(400, body: "Provided timestamp of 2026 before last updated timestamp"), Delivery("canvas", false));
        Assert.Equal(DeliveryVerdict.NeedsAttention, old.Verdict);
        Assert.Contains("before last updated timestamp", old.Error);
    }

    [Fact]
    public void Token_endpoint_refusal_is_retried_with_its_answer_kept()
    {
        var result = DeliveryOutcomes.Classify(new AgsException("Token request refused.", 400, """{"error":"invalid_client"}""", null, isTransient: false, fromTokenEndpoint: true), Delivery(null, false));
        Assert.Equal(DeliveryVerdict.Retry, result.Verdict);
        Assert.Contains("invalid_client", result.Error);
    }

    [Fact]
    public void Backoff_grows_with_jitter_and_stays_under_the_cap()
    {
        var options = new GradeOptions { FirstRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        for (var failures = 1; failures <= 40; failures++)
        {
            var delay = RetrySchedule.Delay(failures, options);
            var ceiling = Math.Min(5 * Math.Pow(2, failures - 1), 60);
            Assert.InRange(delay.TotalSeconds, ceiling / 2, ceiling);
        }
    }

    private static AgsException Failure(int? status, bool transient = false, TimeSpan? retryAfter = null, string? body = null) =>
        new("Score refused.", status, body, retryAfter, transient, fromTokenEndpoint: false);

    private static LeasedDelivery Delivery(string? family, bool awaiting) => new(
        Id: 1, LeaseToken: "t", PlatformId: 1, ResourceLinkDbId: 1, ResourceLinkId: "link", LinkTitle: "Link", ModuleId: "m",
        ScoreGiven: 7.5m, ScoreMaximum: 10m, AwaitingInstructor: awaiting, IsRegrade: false, Timestamp: Now, SubmittedAt: Now.AddMinutes(-30),
        Failures: 0, MaybeSentBefore: false, UserSubject: "user-1", ProductFamily: family, AgsScopes: AgsScopes.Score,
        LineItemUrl: "https://lms.example/li/1", LineItemsUrl: null, ResolvedLineItemUrl: null, Comment: null);
}
