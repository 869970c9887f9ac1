using System.Net;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class ControlTests
{
    [Fact]
    public async Task Revoked_tokens_answer_401()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();

        var revoked = await ags.ControlAsync(HttpMethod.Post, "revoke-tokens");
        var response = await ags.SendAsync(HttpMethod.Get, ags.Container(), token);
        var fresh = await ags.SendAsync(HttpMethod.Get, ags.Container(), await ags.TokenAsync());

        Assert.Equal(1, (await AgsHost.JsonAsync(revoked)).GetProperty("revoked").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Reset_brings_the_gradebook_back_to_its_seed()
    {
        await using var ags = await AgsHost.StartAsync("canvas");
        var (lineItem, token) = await CanvasScoreTests.CoupledAsync(ags);
        await ags.PostScoreAsync(lineItem, token, AgsHost.Score());
        await ags.CreateLineItemAsync(ags.Container(), token, new { label = "Extra", scoreMaximum = 5 });

        var reset = await ags.ControlAsync(HttpMethod.Post, "reset");

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        var gradebook = await ags.GradebookAsync();
        Assert.Equal(new DemoDirectory().Courses.Count * 12, gradebook.GetProperty("lineItems").GetArrayLength());
        Assert.Equal(0, gradebook.GetProperty("results").GetArrayLength());
        Assert.Equal(0, gradebook.GetProperty("scoreLog").GetArrayLength());
        Assert.Equal(0, gradebook.GetProperty("counters").GetProperty("scoresAccepted").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await ags.SendAsync(HttpMethod.Get, lineItem, token)).StatusCode);
        var relaunched = (await ags.LaunchAgsClaimAsync()).GetProperty("lineitem").GetString();
        Assert.NotEqual(lineItem, relaunched);
    }

    [Fact]
    public async Task Control_body_must_be_json()
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.SendAsync(HttpMethod.Post, ags.Issuer + "/control/style", null, "style=canvas", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
