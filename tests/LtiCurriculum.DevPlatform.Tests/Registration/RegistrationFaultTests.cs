using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class RegistrationFaultTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_fault_with_a_body_answers_the_registration_with_it_once()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var token = await tool.TokenAsync("canvas");
        var added = await tool.Ags.ControlAsync(HttpMethod.Post, "faults",
            new { target = "registration", kind = "status", status = 422, body = "{\"errors\":[\"injected\"]}", count = 1 });

        var refused = await tool.RegisterAsync("canvas", token);
        var registered = await tool.RegisterAsync("canvas", token);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"errors\":[\"injected\"]}", await refused.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
    }

    [Fact]
    public async Task Redirect_fault_sends_the_configuration_request_elsewhere()
    {
        await using var tool = await RegisteringTool.StartAsync();
        await tool.Ags.ControlAsync(HttpMethod.Post, "faults",
            new { target = "openid-configuration", kind = "redirect", location = "https://login.example/sso", count = 1 });

        var response = await tool.GetConfigurationAsync("moodle");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://login.example/sso", response.Headers.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task Oversized_fault_answers_five_mebibytes_of_json()
    {
        await using var tool = await RegisteringTool.StartAsync();
        await tool.Ags.ControlAsync(HttpMethod.Post, "faults", new { target = "openid-configuration", kind = "oversized" });

        var response = await tool.GetConfigurationAsync("moodle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5 * 1024 * 1024, response.Content.Headers.ContentLength);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(5 * 1024 * 1024, body.Length);
        Assert.StartsWith("{\"padding\":\"", body);
        Assert.EndsWith("\"}", body);
    }

    [Theory]
    [InlineData("redirect", "location")]
    [InlineData("oversized", "bytes")]
    public async Task Bad_fault_rule_names_the_member(string kind, string member)
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.Ags.ControlAsync(HttpMethod.Post, "faults", new { target = "openid-configuration", kind, location = "not a url", bytes = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(member, (await AgsHost.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Delay_fault_holds_the_configuration_on_the_platform_clock()
    {
        await using var tool = await RegisteringTool.StartAsync();
        await tool.Ags.ControlAsync(HttpMethod.Post, "faults", new { target = "openid-configuration", kind = "delay", delayMs = 30000, count = 1 });

        var pending = tool.GetConfigurationAsync("moodle");
        var rules = tool.Ags.Host.Services.GetRequiredService<FaultRules>();
        for (var wait = 0; wait < 500 && rules.List().Single().Fired == 0; wait++)
        {
            await Task.Delay(10, Cancel);
        }

        await Task.Delay(200, Cancel);
        Assert.False(pending.IsCompleted);
        for (var step = 0; step < 100 && !pending.IsCompleted; step++)
        {
            tool.Ags.Host.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(pending, Task.Delay(50, Cancel));
        }

        Assert.Equal(HttpStatusCode.OK, (await pending).StatusCode);
    }
}
