using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class MoodleRegistrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];

    [Fact]
    public async Task Registration_gets_the_client_id_the_token_promised_and_a_deployment()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var token = await tool.TokenAsync("moodle");

        var response = await tool.RegisterAsync("moodle", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await AgsHost.JsonAsync(response);
        var promised = LaunchFlow.Payload(token);
        Assert.Equal("reg", promised.GetProperty("scope").GetString());
        Assert.Equal(RegisteringTool.ClientId(answer), promised.GetProperty("sub").GetString());
        Assert.Equal(3600, promised.GetProperty("exp").GetInt64() - promised.GetProperty("iat").GetInt64());
        Assert.Equal("RS256", LaunchFlow.Header(token).GetProperty("alg").GetString());
        Assert.Matches("^[0-9]+$", RegisteringTool.DeploymentId(answer));
    }

    [Fact]
    public async Task Answer_is_the_tool_type_moodle_made_with_its_quirks()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var answer = await tool.RegisterAsync("moodle", tool.Body(body =>
            body[RegisteringTool.ToolConfiguration]!["claims"] = new JsonArray("iss", "sub")));

        Assert.Equal(["web"], Strings(answer.GetProperty("application_type")));
        Assert.Equal("private_key_jwt", answer.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal(tool.Origin + RegisteringTool.JwksPath, answer.GetProperty("jwks_uri").GetString());
        Assert.Equal(tool.Origin + "/registered-tool/login", answer.GetProperty("initiate_login_uri").GetString());
        Assert.Equal(2, answer.GetProperty("redirect_uris").GetArrayLength());
        Assert.Equal("LtiCurriculum", answer.GetProperty("client_name").GetString());
        var configuration = answer.GetProperty(RegisteringTool.ToolConfiguration);
        Assert.Equal(tool.Origin + "/registered-tool/launch", configuration.GetProperty("target_link_uri").GetString());

        // Moodle lists the name and email claims whatever the tool asked for.
        var claims = Strings(configuration.GetProperty("claims"));
        foreach (var claim in new[] { "name", "given_name", "family_name", "email" })
        {
            Assert.Contains(claim, claims);
        }

        // Only the deep linking message is kept.
        var message = Assert.Single(configuration.GetProperty("messages").EnumerateArray());
        Assert.Equal("LtiDeepLinkingRequest", message.GetProperty("type").GetString());
        Assert.Equal(tool.Origin + "/registered-tool/deep-link", message.GetProperty("target_link_uri").GetString());
    }

    [Fact]
    public async Task Scopes_are_granted_as_moodle_settings_allow()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var answer = await tool.RegisterAsync("moodle", tool.Body(body => body["scope"] = AgsHost.ScoreScope));

        Assert.Equal($"{AgsHost.ScoreScope} {AgsHost.ResultScope} {AgsHost.LineItemReadOnlyScope}", answer.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Second_registration_with_the_same_token_is_token_already_used()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var token = await tool.TokenAsync("moodle");
        Assert.Equal(HttpStatusCode.OK, (await tool.RegisterAsync("moodle", token)).StatusCode);

        var replay = await tool.RegisterAsync("moodle", token);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("token_already_used", (await AgsHost.JsonAsync(replay)).GetProperty("error").GetString());
        Assert.Single((await AgsHost.JsonAsync(await tool.Ags.ControlAsync(HttpMethod.Get, "registrations"))).EnumerateArray());
    }

    [Theory]
    [InlineData(null, "missing_registration_token")]
    [InlineData("made-up", "invalid_registration_token")]
    public async Task Registration_without_a_token_this_platform_issued_is_401(string? token, string error)
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.RegisterAsync("moodle", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(error, (await AgsHost.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_signed_by_another_key_or_expired_is_401()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var forged = DeepLinkingResponse.Sign(tool.Keys.Key.SigningCredentials, new Dictionary<string, object>
        {
            ["sub"] = "forged", ["scope"] = "reg", ["iat"] = tool.Ags.Now.ToUnixTimeSeconds(), ["exp"] = tool.Ags.Now.AddHours(1).ToUnixTimeSeconds(),
        });
        var token = await tool.TokenAsync("moodle");
        var forgedAnswer = await tool.RegisterAsync("moodle", forged);
        tool.Ags.Host.Clock.Advance(TimeSpan.FromHours(1));

        var expired = await tool.RegisterAsync("moodle", token);

        Assert.Equal(HttpStatusCode.Unauthorized, forgedAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("expired", (await AgsHost.JsonAsync(expired)).GetProperty("error_description").GetString());
    }

    [Theory]
    [InlineData("jwks_uri")]
    [InlineData("initiate_login_uri")]
    [InlineData("client_name")]
    [InlineData("response_types")]
    public async Task Missing_field_is_400_naming_it(string field)
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.RegisterAsync("moodle", await tool.TokenAsync("moodle"), tool.Body(body => body.Remove(field)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"missing required attribute {field}", (await AgsHost.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("domain")]
    [InlineData("target_link_uri")]
    public async Task Missing_tool_configuration_field_is_400_naming_it(string field)
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.RegisterAsync("moodle", await tool.TokenAsync("moodle"),
            tool.Body(body => body[RegisteringTool.ToolConfiguration]!.AsObject().Remove(field)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await AgsHost.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("application_type", "native", "invalid_application_type")]
    [InlineData("token_endpoint_auth_method", "client_secret_basic", "invalid_token_endpoint_auth_method")]
    [InlineData("redirect_uris", "https://tool.example/launch", "invalid_redirect_uris")]
    [InlineData("jwks_uri", "not a url", "invalid_jwks_uri")]
    public async Task Invalid_field_is_400_naming_it(string field, string value, string error)
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.RegisterAsync("moodle", await tool.TokenAsync("moodle"), tool.Body(body => body[field] = value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AgsHost.JsonAsync(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Contains(field, body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Moodle_takes_a_registration_without_messages_or_claims()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var answer = await tool.RegisterAsync("moodle", tool.Body(body =>
        {
            body[RegisteringTool.ToolConfiguration]!.AsObject().Remove("messages");
            body[RegisteringTool.ToolConfiguration]!.AsObject().Remove("claims");
            body.Remove("application_type");
        }));

        Assert.False(answer.GetProperty(RegisteringTool.ToolConfiguration).TryGetProperty("messages", out _));
    }

    [Fact]
    public async Task Body_that_is_not_json_is_refused()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var token = await tool.TokenAsync("moodle");

        var form = await tool.RegisterAsync("moodle", token, mediaType: "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Contains("application/json", await form.Content.ReadAsStringAsync(Cancel));
    }
}
