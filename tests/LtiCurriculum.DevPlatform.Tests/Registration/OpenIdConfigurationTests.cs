using System.Net;
using System.Text.Json;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class OpenIdConfigurationTests
{
    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];

    [Theory]
    [InlineData("moodle")]
    [InlineData("canvas")]
    public async Task Configuration_names_this_platform_on_the_origin_it_was_asked_on(string flavour)
    {
        await using var tool = await RegisteringTool.StartAsync();
        var start = await tool.StartRegistrationAsync(flavour);

        var response = await tool.GetConfigurationAsync(flavour, start.GetProperty("registrationToken").GetString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{tool.Issuer}/registration/{flavour}/openid-configuration", start.GetProperty("openidConfiguration").GetString());
        var configuration = await AgsHost.JsonAsync(response);
        Assert.Equal(tool.Issuer, configuration.GetProperty("issuer").GetString());
        Assert.Equal(tool.Issuer + "/authorize", configuration.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(tool.Issuer + "/token", configuration.GetProperty("token_endpoint").GetString());
        Assert.Equal(tool.Issuer + "/jwks", configuration.GetProperty("jwks_uri").GetString());
        Assert.Equal($"{tool.Issuer}/registration/{flavour}/register", configuration.GetProperty("registration_endpoint").GetString());
        Assert.Equal(["private_key_jwt"], Strings(configuration.GetProperty("token_endpoint_auth_methods_supported")));
        Assert.Equal(["RS256"], Strings(configuration.GetProperty("token_endpoint_auth_signing_alg_values_supported")));
        Assert.Equal(["RS256"], Strings(configuration.GetProperty("id_token_signing_alg_values_supported")));
        Assert.Equal(["id_token"], Strings(configuration.GetProperty("response_types_supported")));
        Assert.Equal(["public", "pairwise"], Strings(configuration.GetProperty("subject_types_supported")));
        Assert.Contains("email", Strings(configuration.GetProperty("claims_supported")));
        var scopes = Strings(configuration.GetProperty("scopes_supported"));
        foreach (var scope in new[] { AgsHost.LineItemScope, AgsHost.LineItemReadOnlyScope, AgsHost.ResultScope, AgsHost.ScoreScope, RegisteringTool.NrpsScope })
        {
            Assert.Contains(scope, scopes);
        }

        var platform = configuration.GetProperty("https://purl.imsglobal.org/spec/lti-platform-configuration");
        Assert.Equal(flavour, platform.GetProperty("product_family_code").GetString());
        Assert.False(string.IsNullOrEmpty(platform.GetProperty("version").GetString()));
        var messages = platform.GetProperty("messages_supported").EnumerateArray().ToList();
        Assert.Equal(["LtiResourceLinkRequest", "LtiDeepLinkingRequest"], messages.Select(message => message.GetProperty("type").GetString()));
        Assert.NotEmpty(Strings(messages[1].GetProperty("placements")));
        Assert.Contains("Context.id", Strings(platform.GetProperty("variables")));
    }

    [Fact]
    public async Task Canvas_configuration_names_its_authorization_server_and_account()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var configuration = await AgsHost.JsonAsync(await tool.GetConfigurationAsync("canvas", await tool.TokenAsync("canvas")));

        Assert.Equal(tool.Ags.TokenUrl, configuration.GetProperty("authorization_server").GetString());
        var platform = configuration.GetProperty("https://purl.imsglobal.org/spec/lti-platform-configuration");
        Assert.False(string.IsNullOrEmpty(platform.GetProperty("https://canvas.instructure.com/lti/account_name").GetString()));
        Assert.False(string.IsNullOrEmpty(platform.GetProperty("https://canvas.instructure.com/lti/account_lti_guid").GetString()));
    }

    [Fact]
    public async Task Moodle_configuration_needs_no_token()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.GetConfigurationAsync("moodle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await AgsHost.JsonAsync(response)).TryGetProperty("authorization_server", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token-this-platform-issued")]
    public async Task Canvas_configuration_without_the_registration_token_is_401(string? token)
    {
        await using var tool = await RegisteringTool.StartAsync();
        await tool.StartRegistrationAsync("canvas");

        var response = await tool.GetConfigurationAsync("canvas", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("registration_token", (await AgsHost.JsonAsync(response)).GetProperty("errors")[0].GetString());
    }

    [Fact]
    public async Task Canvas_configuration_refuses_a_moodle_token_and_an_expired_one()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var canvasToken = await tool.TokenAsync("canvas");
        var moodleToken = await tool.TokenAsync("moodle");

        var withMoodleToken = await tool.GetConfigurationAsync("canvas", moodleToken);
        tool.Ags.Host.Clock.Advance(TimeSpan.FromHours(1));
        var expired = await tool.GetConfigurationAsync("canvas", canvasToken);

        Assert.Equal(HttpStatusCode.Unauthorized, withMoodleToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task Unknown_flavour_is_404()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.GetConfigurationAsync("blackboard");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
