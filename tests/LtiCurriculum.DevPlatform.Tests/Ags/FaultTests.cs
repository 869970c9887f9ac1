using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class FaultTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_fault_answers_its_count_then_stops()
    {
        await using var ags = await AgsHost.StartAsync();
        var (lineItem, token) = await StandardScoreTests.CreateAsync(ags);
        var added = await ags.ControlAsync(HttpMethod.Post, "faults", new { target = "scores", kind = "status", status = 503, retryAfter = "2", count = 2 });

        var first = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:00Z"));
        var second = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:01Z"));
        var third = await ags.PostScoreAsync(lineItem, token, AgsHost.Score(timestamp: "2026-03-01T10:00:02Z"));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, third.StatusCode);
        var rule = (await AgsHost.JsonAsync(await ags.ControlAsync(HttpMethod.Get, "faults"))).GetProperty("rules").EnumerateArray().Single();
        Assert.Equal(2, rule.GetProperty("fired").GetInt32());
        Assert.Equal(0, rule.GetProperty("remaining").GetInt32());
        Assert.Equal(1, (await ags.GradebookAsync()).GetProperty("scoreLog").GetArrayLength());
    }

    [Fact]
    public async Task Token_fault_with_an_http_date_retry_after()
    {
        await using var ags = await AgsHost.StartAsync();
        var retryAt = ags.Now.AddMinutes(1).ToString("r");
        await ags.ControlAsync(HttpMethod.Post, "faults", new { target = "token", kind = "status", status = 429, retryAfter = retryAt, count = 1 });

        var refused = await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(), AgsHost.ScoreScope));
        var granted = await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(), AgsHost.ScoreScope));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(retryAt, refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
    }

    [Fact]
    public async Task Delay_fault_waits_on_the_platform_clock_then_proceeds()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();
        await ags.ControlAsync(HttpMethod.Post, "faults", new { target = "lineitems", kind = "delay", delayMs = 3000, count = 1 });

        var pending = ags.SendAsync(HttpMethod.Get, ags.Container(), token);
        var rules = ags.Host.Services.GetRequiredService<FaultRules>();
        for (var wait = 0; wait < 500 && rules.List().Single().Fired == 0; wait++)
        {
            await Task.Delay(10, Cancel);
        }

        await Task.Delay(200, Cancel);
        Assert.False(pending.IsCompleted);

        // The platform's delay may start its timer just after an advance; advance again until it is over.
        for (var step = 0; step < 100 && !pending.IsCompleted; step++)
        {
            ags.Host.Clock.Advance(TimeSpan.FromMilliseconds(3000));
            await Task.WhenAny(pending, Task.Delay(50, Cancel));
        }

        var response = await pending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Close_fault_drops_the_connection()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();
        await ags.ControlAsync(HttpMethod.Post, "faults", new { target = "results", kind = "close" });
        var (lineItem, _) = await StandardScoreTests.CreateAsync(ags);

        await Assert.ThrowsAsync<HttpRequestException>(() => ags.GetResultsAsync(lineItem, token));
        await Assert.ThrowsAsync<HttpRequestException>(() => ags.GetResultsAsync(lineItem, token));
        Assert.Equal(HttpStatusCode.OK, (await ags.SendAsync(HttpMethod.Get, lineItem, token)).StatusCode);
    }

    [Fact]
    public async Task Any_target_hits_every_service_until_cleared()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();
        await ags.ControlAsync(HttpMethod.Post, "faults", new { target = "any", kind = "status", status = 500 });

        var lineItems = await ags.SendAsync(HttpMethod.Get, ags.Container(), token);
        var tokenAnswer = await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(), AgsHost.ScoreScope));
        var page = await ags.Host.Client.GetAsync(ags.Issuer + "/gradebook", Cancel);
        var cleared = await ags.ControlAsync(HttpMethod.Delete, "faults");
        var after = await ags.SendAsync(HttpMethod.Get, ags.Container(), token);

        Assert.Equal(HttpStatusCode.InternalServerError, lineItems.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, tokenAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Rules_apply_in_order_a_delay_then_a_status()
    {
        await using var ags = await AgsHost.StartAsync();
        var token = await ags.TokenAsync();
        await ags.ControlAsync(HttpMethod.Post, "faults", new { target = "lineitems", kind = "delay", delayMs = 0, count = 1 });
        await ags.ControlAsync(HttpMethod.Post, "faults", new { target = "lineitems", kind = "status", status = 502, count = 1 });

        var response = await ags.SendAsync(HttpMethod.Get, ags.Container(), token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var rules = (await AgsHost.JsonAsync(await ags.ControlAsync(HttpMethod.Get, "faults"))).GetProperty("rules");
        Assert.All(rules.EnumerateArray(), rule => Assert.Equal(1, rule.GetProperty("fired").GetInt32()));
    }

    [Theory]
    [InlineData("{\"target\":\"everything\",\"kind\":\"status\",\"status\":500}", "target")]
    [InlineData("{\"target\":\"scores\",\"kind\":\"explode\"}", "kind")]
    [InlineData("{\"target\":\"scores\",\"kind\":\"status\"}", "status")]
    [InlineData("{\"target\":\"scores\",\"kind\":\"delay\"}", "delayMs")]
    [InlineData("{\"target\":\"scores\",\"kind\":\"close\",\"count\":0}", "count")]
    [InlineData("{\"target\":\"scores\",\"kind\":\"status\",\"status\":500,\"retryAfter\":\"soon\"}", "retryAfter")]
    public async Task Bad_fault_rule_is_refused_naming_the_member(string json, string member)
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.SendAsync(HttpMethod.Post, ags.Issuer + "/control/faults", null, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(member, (await AgsHost.JsonAsync(response)).GetProperty("error").GetString());
    }
}
