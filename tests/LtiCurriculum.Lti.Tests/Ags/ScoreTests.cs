using LtiCurriculum.Lti.Ags;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>Score publish (AGS 2.0 §3.4; notes 1C-56, 1C-57; Canvas submission extension).</summary>
public sealed class ScoreTests : IDisposable
{
    private const string UserId = "a6d5c443-1f51-4783-ba1a-7686ffe3b54a";
    private const string ScoresUrl = AgsTestHost.LineItemUrl + "/scores";
    private static readonly DateTimeOffset When = new(2026, 3, 2, 10, 15, 30, 250, TimeSpan.Zero);
    private readonly AgsTestHost _host = new();

    public ScoreTests() => _host.Lms.Post(ScoresUrl, _ => Respond.Status(200, "{}"));

    public void Dispose() => _host.Dispose();

    private static Score Graded(decimal given = 7.5m, decimal maximum = 10m) => new()
    {
        UserId = UserId,
        ScoreGiven = given,
        ScoreMaximum = maximum,
        Timestamp = When,
        ActivityProgress = ActivityProgress.Completed,
        GradingProgress = GradingProgress.FullyGraded,
    };

    private async Task<SentRequest> PostAsync(Score score, string lineItemUrl = AgsTestHost.LineItemUrl)
    {
        await _host.Client.PostScoreAsync(AgsTestHost.Access(), lineItemUrl, score, _host.Cancellation);
        return _host.Lms.Requests.Last();
    }

    public static TheoryData<ActivityProgress, GradingProgress> EveryProgress()
    {
        var data = new TheoryData<ActivityProgress, GradingProgress>();
        foreach (var activity in Enum.GetValues<ActivityProgress>())
        {
            foreach (var grading in Enum.GetValues<GradingProgress>())
            {
                data.Add(activity, grading);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryProgress))]
    public async Task Score_payload_for_each_progress_combination(ActivityProgress activity, GradingProgress grading)
    {
        var sent = await PostAsync(Graded() with { ActivityProgress = activity, GradingProgress = grading });

        Assert.Equal(
            $$"""{"userId":"{{UserId}}","scoreGiven":7.5,"scoreMaximum":10,"timestamp":"2026-03-02T10:15:30.250Z","activityProgress":"{{activity}}","gradingProgress":"{{grading}}"}""",
            sent.Body);
    }

    [Fact]
    public void Every_spec_progress_value_exists_with_its_spec_name()
    {
        Assert.Equal(["Initialized", "Started", "InProgress", "Submitted", "Completed"], Enum.GetNames<ActivityProgress>());
        Assert.Equal(["FullyGraded", "Pending", "PendingManual", "Failed", "NotReady"], Enum.GetNames<GradingProgress>());
    }

    [Fact]
    public async Task Score_is_posted_with_the_score_media_type_and_the_bearer_token()
    {
        var sent = await PostAsync(Graded());

        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal(ScoresUrl, sent.Url);
        Assert.Equal("application/vnd.ims.lis.v1.score+json", sent.ContentType); // no charset: Moodle compares the whole header
        Assert.Equal("Bearer access-1", sent.Authorization);
    }

    [Theory]
    [InlineData("https://moodle.example/mod/lti/services.php/7/lineitems/31/lineitem?type_id=3", "https://moodle.example/mod/lti/services.php/7/lineitems/31/lineitem/scores?type_id=3")]
    [InlineData("https://lms.example/api/lti/courses/7/line_items/31/", "https://lms.example/api/lti/courses/7/line_items/31/scores")]
    public async Task Query_string_is_kept_after_scores(string lineItemUrl, string scoresUrl)
    {
        _host.Lms.Post(scoresUrl, _ => Respond.Status(204));

        var sent = await PostAsync(Graded(), lineItemUrl);

        Assert.Equal(scoresUrl, sent.Url);
    }

    [Theory]
    [InlineData("10.00", "7.50", "\"scoreGiven\":7.5,\"scoreMaximum\":10")]
    [InlineData("100", "0", "\"scoreGiven\":0,\"scoreMaximum\":100")]
    [InlineData("3", "2.3333333333333333333333333333", "\"scoreGiven\":2.3333333333333333333333333333,\"scoreMaximum\":3")]
    [InlineData("1", "1.0", "\"scoreGiven\":1,\"scoreMaximum\":1")]
    public async Task Decimals_are_plain_json_numbers(string maximum, string given, string expected)
    {
        var sent = await PostAsync(Graded(decimal.Parse(given, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(maximum, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains(expected, sent.Body);
    }

    [Fact]
    public async Task Without_score_given_no_maximum_is_sent()
    {
        var sent = await PostAsync(new Score
        {
            UserId = UserId,
            ScoreMaximum = 10,
            Timestamp = When,
            ActivityProgress = ActivityProgress.Started,
            GradingProgress = GradingProgress.NotReady,
        });

        Assert.Equal($$"""{"userId":"{{UserId}}","timestamp":"2026-03-02T10:15:30.250Z","activityProgress":"Started","gradingProgress":"NotReady"}""", sent.Body);
    }

    [Fact]
    public async Task Comment_is_sent_when_set()
    {
        var sent = await PostAsync(Graded() with { Comment = "Well done — \"almost\" perfect" });

        Assert.Contains("\"comment\":\"Well done \\u2014 \\u0022almost\\u0022 perfect\"", sent.Body);
        Assert.True(sent.Body.IndexOf("\"scoreMaximum\"", StringComparison.Ordinal) < sent.Body.IndexOf("\"comment\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2026, 3, 2, 12, 15, 30, 0, 2, "2026-03-02T10:15:30.000Z")]
    [InlineData(2026, 3, 2, 5, 0, 0, 7, -5, "2026-03-02T10:00:00.007Z")]
    [InlineData(2026, 12, 31, 23, 59, 59, 999, 0, "2026-12-31T23:59:59.999Z")]
    public async Task Timestamp_is_utc_with_milliseconds(int y, int mo, int d, int h, int mi, int s, int ms, int offsetHours, string expected)
    {
        var sent = await PostAsync(Graded() with { Timestamp = new DateTimeOffset(y, mo, d, h, mi, s, ms, TimeSpan.FromHours(offsetHours)) });

        Assert.Contains($"\"timestamp\":\"{expected}\"", sent.Body);
    }

    [Fact]
    public async Task Canvas_submission_extension_is_sent_when_set()
    {
        var submittedAt = new DateTimeOffset(2026, 3, 1, 8, 0, 0, 5, TimeSpan.FromHours(1));

        var sent = await PostAsync(Graded() with { CanvasSubmission = new CanvasSubmission(false, submittedAt) });

        Assert.EndsWith(
            ""","gradingProgress":"FullyGraded","https://canvas.instructure.com/lti/submission":{"new_submission":false,"submitted_at":"2026-03-01T07:00:00.005Z"}}""",
            sent.Body);
    }

    [Fact]
    public async Task Canvas_submission_without_time_leaves_submitted_at_out()
    {
        var sent = await PostAsync(Graded() with { CanvasSubmission = new CanvasSubmission(true, null) });

        Assert.EndsWith("""
            "https://canvas.instructure.com/lti/submission":{"new_submission":true}}
            """, sent.Body);
    }

    [Fact]
    public async Task Canvas_extension_is_absent_by_default()
    {
        var sent = await PostAsync(Graded());

        Assert.DoesNotContain("canvas", sent.Body);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(204)]
    public async Task Success_statuses_are_accepted(int status)
    {
        _host.Lms.Post(ScoresUrl, _ => Respond.Status(status, status == 204 ? "" : """{"resultUrl":"https://lms.example/r/1"}"""));

        var exception = await Record.ExceptionAsync(() => PostAsync(Graded()));

        Assert.Null(exception);
        var sent = Assert.Single(_host.Lms.Requests, r => r.Url == ScoresUrl);
        Assert.Equal(HttpMethod.Post, sent.Method);
    }

    [Fact]
    public async Task Score_given_without_maximum_is_refused_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PostAsync(Graded() with { ScoreMaximum = null }));
        await Assert.ThrowsAsync<ArgumentException>(() => PostAsync(Graded(given: -1m)));
        await Assert.ThrowsAsync<ArgumentException>(() => PostAsync(Graded() with { UserId = "" }));

        Assert.Empty(_host.Lms.Requests);
    }

    [Fact]
    public async Task Without_the_score_scope_nothing_is_sent()
    {
        var access = AgsTestHost.Access(AgsTestHost.LineItemScope, AgsTestHost.ResultScope);

        var failure = await AgsAssert.FailsAsync(() => _host.Client.PostScoreAsync(access, AgsTestHost.LineItemUrl, Graded(), _host.Cancellation), transient: false, status: null);

        Assert.Contains(AgsTestHost.ScoreScope, failure.Message);
        Assert.Empty(_host.Lms.Requests);
    }
}
