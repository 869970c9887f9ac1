using System.Net;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class MoodleScoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Score_goes_to_the_scores_path_before_the_query()
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var (lineItem, token) = await CanvasScoreTests.CoupledAsync(ags);

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score());
        var appended = await ags.SendAsync(HttpMethod.Post, lineItem + "/scores", token, "{}", AgsHost.ScoreType);
        var withoutQuery = await ags.SendAsync(HttpMethod.Post, lineItem[..lineItem.IndexOf('?', StringComparison.Ordinal)] + "/scores", token, "{}", AgsHost.ScoreType);

        Assert.Contains("/lineitem/scores?type_id=1", response.RequestMessage!.RequestUri!.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, appended.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutQuery.StatusCode);
    }

    [Theory]
    [InlineData("dev-user-test-student", "2026-03-01T10:00:00Z")]
    [InlineData("dev-user-9001", "2026-03-01T10:00:00Z")]
    [InlineData("dev-user-1001", "not a time")]
    public async Task Any_refusal_is_the_same_incorrect_score_400(string userId, string timestamp)
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var (lineItem, token) = await CanvasScoreTests.CoupledAsync(ags);

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: userId, timestamp: timestamp));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Incorrect score received", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Missing_score_maximum_defaults_to_one()
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var (lineItem, token) = await CanvasScoreTests.CoupledAsync(ags);

        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(given: 1, maximum: null));

        Assert.Equal(1, StandardScoreTests.Result(await ags.GradebookAsync()).GetProperty("scoreMaximum").GetDecimal());
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00.000Z")]
    [InlineData("2026-03-01T09:00:00.000Z")]
    public async Task Timestamp_not_newer_than_the_stored_one_conflicts(string timestamp)
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var (lineItem, token) = await CanvasScoreTests.CoupledAsync(ags);
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:00.000Z"));

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: timestamp));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Grading_progress_other_than_fully_graded_clears_the_grade()
    {
        await using var ags = await AgsHost.StartAsync("moodle");
        var (lineItem, token) = await CanvasScoreTests.CoupledAsync(ags);
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:00Z"));

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:01Z", grading: "PendingManual"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = StandardScoreTests.Result(await ags.GradebookAsync());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("scoreGiven").ValueKind);
        Assert.Equal("PendingManual", result.GetProperty("gradingProgress").GetString());
    }
}
