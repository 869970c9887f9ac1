using System.Net;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class CanvasScoreTests
{
    private const string Submission = "https://canvas.instructure.com/lti/submission";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accepted_score_answers_with_a_result_url()
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var (lineItem, token) = await CoupledAsync(ags);

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(lineItem + "/results/", (await AgsHost.JsonAsync(response)).GetProperty("resultUrl").GetString());
    }

    [Fact]
    public async Task Score_given_without_maximum_is_unprocessable()
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var (lineItem, token) = await CoupledAsync(ags);

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(maximum: null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Theory]
    [InlineData("dev-user-test-student")]
    [InlineData("dev-user-2001")]
    public async Task User_who_is_not_a_student_is_unprocessable_in_canvas_words(string userId)
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var (lineItem, token) = await CoupledAsync(ags);

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: userId));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(
            "{\"errors\":{\"type\":\"unprocessable_entity\",\"message\":\"User not found in course or is not a student\"}}",
            await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Older_timestamp_is_a_bad_request_and_equal_is_accepted()
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var (lineItem, token) = await CoupledAsync(ags);
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:00.000Z"));

        var older = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T09:59:59.999Z"));
        var equal = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:00.000Z", given: 9));

        Assert.Equal(HttpStatusCode.BadRequest, older.StatusCode);
        Assert.Equal(HttpStatusCode.OK, equal.StatusCode);
        Assert.Equal(9, StandardScoreTests.Result(await ags.GradebookAsync()).GetProperty("scoreGiven").GetDecimal());
    }

    [Theory]
    [InlineData("FullyGraded", true)]
    [InlineData("PendingManual", true)]
    [InlineData("Pending", false)]
    [InlineData("NotReady", false)]
    [InlineData("Failed", false)]
    public async Task Only_final_grading_progress_keeps_the_score(string gradingProgress, bool graded)
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var (lineItem, token) = await CoupledAsync(ags);
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:00Z"));

        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:01Z", given: 6, grading: gradingProgress));

        var score = StandardScoreTests.Result(await ags.GradebookAsync()).GetProperty("scoreGiven");
        Assert.Equal(graded, score.ValueKind == System.Text.Json.JsonValueKind.Number);
    }

    [Fact]
    public async Task Submission_extension_and_comment_are_stored_and_keep_the_submission_time()
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var (lineItem, token) = await CoupledAsync(ags);
        var submittedAt = ags.Now.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var score = (Dictionary<string, object>)AgsHost.Score();
        score["comment"] = "Well argued <b>case</b>";
        score[Submission] = new Dictionary<string, object> { ["new_submission"] = false, ["submitted_at"] = submittedAt };

        var response = await ags.PostScoreAsync(lineItem, token, score);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = StandardScoreTests.Result(await ags.GradebookAsync());
        Assert.Equal("Well argued <b>case</b>", result.GetProperty("comment").GetString());
        Assert.False(result.GetProperty("newSubmission").GetBoolean());
        Assert.Equal(DateTimeOffset.Parse(submittedAt, System.Globalization.CultureInfo.InvariantCulture), result.GetProperty("submittedAt").GetDateTimeOffset());
        Assert.False(result.GetProperty("submissionTimeMoved").GetBoolean());
    }

    [Fact]
    public async Task Score_without_submitted_at_moves_the_submission_time()
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var (lineItem, token) = await CoupledAsync(ags);

        await ags.PostScoreAsync(lineItem, token, AgsHost.Score());

        var gradebook = await ags.GradebookAsync();
        var result = StandardScoreTests.Result(gradebook);
        Assert.True(result.GetProperty("submissionTimeMoved").GetBoolean());
        Assert.Equal(ags.Now, result.GetProperty("submittedAt").GetDateTimeOffset());
        Assert.True(gradebook.GetProperty("scoreLog")[0].GetProperty("submissionTimeMoved").GetBoolean());
    }

    [Fact]
    public async Task Submitted_at_more_than_a_minute_ahead_is_a_bad_request()
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var (lineItem, token) = await CoupledAsync(ags);
        var score = (Dictionary<string, object>)AgsHost.Score();
        score[Submission] = new Dictionary<string, object> { ["submitted_at"] = ags.Now.AddMinutes(2).ToString("o") };

        var response = await ags.PostScoreAsync(lineItem, token, score);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    internal static async Task<(string LineItem, string Token)> CoupledAsync(AgsHost ags)
    {
        var lineItem = (await ags.LaunchAgsClaimAsync()).GetProperty("lineitem").GetString()!;
        return (lineItem, await ags.TokenAsync());
    }
}
