using System.Net;
using System.Text.Json;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class StandardScoreTests
{
    [Fact]
    public async Task Score_is_stored_as_sent_and_answered_204()
    {
        await using var ags = await AgsHost.StartAsync();
        var (lineItem, token) = await CreateAsync(ags);

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(given: 7.5m, maximum: 10, grading: "Pending"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var result = (await ags.GradebookAsync()).GetProperty("results").EnumerateArray().Single();
        Assert.Equal(lineItem, result.GetProperty("lineItemId").GetString());
        Assert.Equal("dev-user-1001", result.GetProperty("userId").GetString());
        Assert.Equal(7.5m, result.GetProperty("scoreGiven").GetDecimal());
        Assert.Equal("Pending", result.GetProperty("gradingProgress").GetString());
        Assert.Equal("2026-03-01T10:00:00.000Z", result.GetProperty("timestamp").GetString());
    }

    [Theory]
    [InlineData("dev-user-2001")]
    [InlineData("dev-user-3001")]
    [InlineData("dev-user-9001")]
    [InlineData("dev-user-test-student")]
    public async Task User_who_cannot_be_graded_is_unprocessable(string userId)
    {
        await using var ags = await AgsHost.StartAsync();
        var (lineItem, token) = await CreateAsync(ags);

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: userId));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Invented_user_is_gradable()
    {
        await using var ags = await AgsHost.StartAsync();
        var (lineItem, token) = await CreateAsync(ags);

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(userId: "load-user-4711"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Older_timestamp_is_refused_and_equal_one_is_a_replay()
    {
        await using var ags = await AgsHost.StartAsync();
        var (lineItem, token) = await CreateAsync(ags);
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:00.500Z"));

        var older = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:00.499Z"));
        var equal = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T11:00:00.5+01:00"));

        Assert.Equal(HttpStatusCode.BadRequest, older.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, equal.StatusCode);
        var gradebook = await ags.GradebookAsync();
        var counters = gradebook.GetProperty("counters");
        Assert.Equal(2, counters.GetProperty("scoresAccepted").GetInt64());
        Assert.Equal(1, counters.GetProperty("scoresRejected").GetInt64());
        Assert.Equal(1, counters.GetProperty("replays").GetInt64());
        Assert.Equal(2, gradebook.GetProperty("results")[0].GetProperty("acceptedPosts").GetInt32());
        var log = gradebook.GetProperty("scoreLog").EnumerateArray().ToList();
        Assert.Equal([204, 400, 204], log.Select(entry => entry.GetProperty("status").GetInt32()));
        Assert.Equal([false, false, true], log.Select(entry => entry.GetProperty("replay").GetBoolean()));
        Assert.Equal("2026-03-01T11:00:00.5+01:00", log[2].GetProperty("timestamp").GetString());
    }

    [Theory]
    [InlineData("userId", null)]
    [InlineData("timestamp", null)]
    [InlineData("timestamp", "yesterday")]
    [InlineData("timestamp", "2026-03-01T10:00:00")]
    [InlineData("activityProgress", null)]
    [InlineData("activityProgress", "Done")]
    [InlineData("gradingProgress", null)]
    [InlineData("scoreMaximum", null)]
    public async Task Missing_or_invalid_member_is_a_bad_request(string member, string? value)
    {
        await using var ags = await AgsHost.StartAsync();
        var (lineItem, token) = await CreateAsync(ags);
        var score = (Dictionary<string, object>)AgsHost.Score();
        if (value is null)
        {
            score.Remove(member);
        }
        else
        {
            score[member] = value;
        }

        var response = await ags.PostScoreAsync(lineItem, token, score);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, (await ags.GradebookAsync()).GetProperty("counters").GetProperty("scoresRejected").GetInt64());
    }

    [Fact]
    public async Task Score_of_another_media_type_is_unsupported()
    {
        await using var ags = await AgsHost.StartAsync();
        var (lineItem, token) = await CreateAsync(ags);

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(), "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Score_needs_the_score_scope()
    {
        await using var ags = await AgsHost.StartAsync();
        var (lineItem, _) = await CreateAsync(ags);
        var token = await ags.TokenAsync(AgsHost.LineItemScope);

        var response = await ags.PostScoreAsync(lineItem, token, AgsHost.Score());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_on_scores_is_not_allowed()
    {
        await using var ags = await AgsHost.StartAsync();
        var (lineItem, token) = await CreateAsync(ags);

        var response = await ags.SendAsync(HttpMethod.Get, lineItem + "/scores", token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    internal static async Task<(string LineItem, string Token)> CreateAsync(AgsHost ags)
    {
        var token = await ags.TokenAsync();
        var response = await ags.CreateLineItemAsync(ags.Container(), token, new { label = "Module", scoreMaximum = 10, resourceLinkId = "link-cc-1" });
        return ((await AgsHost.JsonAsync(response)).GetProperty("id").GetString()!, token);
    }

    internal static JsonElement Result(JsonElement gradebook) => gradebook.GetProperty("results").EnumerateArray().Single();
}
