using System.Net;
using System.Text.Json.Nodes;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class CanvasRegistrationTests
{
    [Fact]
    public async Task Registration_echoes_the_request_with_a_client_id_and_deployment()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var answer = await tool.RegisterAsync("canvas");

        Assert.Matches("^1[0-9]{13}$", RegisteringTool.ClientId(answer));
        Assert.Matches("^[0-9]+:[0-9a-f]{40}$", RegisteringTool.DeploymentId(answer));
        Assert.Equal("web", answer.GetProperty("application_type").GetString());
        Assert.Equal(tool.Body()["scope"]!.GetValue<string>(), answer.GetProperty("scope").GetString());
        var configuration = answer.GetProperty(RegisteringTool.ToolConfiguration);
        Assert.Equal(2, configuration.GetProperty("messages").GetArrayLength());
        Assert.Equal("$Context.id", configuration.GetProperty("custom_parameters").GetProperty("course").GetString());
    }

    [Fact]
    public async Task Token_is_good_for_several_registrations_until_it_expires()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var token = await tool.TokenAsync("canvas");

        var first = await AgsHost.JsonAsync(await tool.RegisterAsync("canvas", token));
        var second = await AgsHost.JsonAsync(await tool.RegisterAsync("canvas", token));
        tool.Ags.Host.Clock.Advance(TimeSpan.FromHours(1));
        var expired = await tool.RegisterAsync("canvas", token);

        Assert.NotEqual(RegisteringTool.ClientId(first), RegisteringTool.ClientId(second));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Theory]
    [InlineData("messages")]
    [InlineData("claims")]
    public async Task Missing_messages_or_claims_is_422_with_canvas_errors(string field)
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.RegisterAsync("canvas", await tool.TokenAsync("canvas"),
            tool.Body(body => body[RegisteringTool.ToolConfiguration]!.AsObject().Remove(field)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await AgsHost.JsonAsync(response)).GetProperty("errors").EnumerateArray());
        Assert.Contains($"lti-tool-configuration.{field}", error.GetString());
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.RegisterAsync("canvas", await tool.TokenAsync("canvas"), tool.Body(body =>
        {
            body["grant_types"] = new JsonArray("client_credentials");
            body.Remove("jwks_uri");
            body.Remove("application_type");
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await AgsHost.JsonAsync(response)).GetProperty("errors").EnumerateArray().Select(error => error.GetString()!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, error => error.Contains("jwks_uri", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("grant_types", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("application_type", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("unknown-token")]
    public async Task Registration_without_a_token_this_platform_issued_is_401(string? token)
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.RegisterAsync("canvas", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty((await AgsHost.JsonAsync(response)).GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Moodle_token_is_refused_by_canvas()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.RegisterAsync("canvas", await tool.TokenAsync("moodle"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
