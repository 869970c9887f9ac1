using System.Net;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class OptionsTests
{
    [Fact]
    public async Task Disabled_platform_maps_nothing()
    {
        await using var host = await DevPlatformHost.StartAsync(new Dictionary<string, string?> { ["DevPlatform:Enabled"] = "false" });

        var home = await host.Client.GetAsync("/dev-platform", TestContext.Current.CancellationToken);
        var jwks = await host.Client.GetAsync("/dev-platform/jwks", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, home.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, jwks.StatusCode);
    }

    [Theory]
    [InlineData("LoginStyle", "put")]
    [InlineData("ToolLaunchPath", "lti/launch")]
    [InlineData("ToolLoginPath", "//attacker.example/login")]
    [InlineData("ClientId", " ")]
    [InlineData("DeploymentId", "")]
    [InlineData("GradebookStyle", "blackboard")]
    [InlineData("ToolOrigin", "ftp://tool.example")]
    [InlineData("ToolOrigin", "https://tool.example/lti")]
    [InlineData("ToolOrigin", "tool.example")]
    [InlineData("ToolJwksPath", "jwks.json")]
    [InlineData("AccessTokenLifetimeSeconds", "0")]
    [InlineData("AccessTokenLifetimeSeconds", "86401")]
    public async Task Bad_setting_stops_the_app_naming_the_key(string property, string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            DevPlatformHost.StartAsync(new Dictionary<string, string?> { [$"DevPlatform:{property}"] = value }));

        Assert.Contains($"DevPlatform:{property}", failure.Message);
    }

    [Fact]
    public async Task Configured_client_deployment_and_tool_paths_are_used()
    {
        await using var host = await DevPlatformHost.StartAsync(new Dictionary<string, string?>
        {
            ["DevPlatform:ClientId"] = "client-from-config",
            ["DevPlatform:DeploymentId"] = "deployment-from-config",
            ["DevPlatform:ToolLoginPath"] = "/tool/oidc",
            ["DevPlatform:ToolLaunchPath"] = "/tool/launch",
        });
        var flow = new LaunchFlow(host);

        var login = await flow.StartAsync();
        var request = flow.AuthenticationRequest(login);
        request["redirect_uri"] = host.Origin + "/tool/launch";
        var answer = await AutoPost.ReadAsync(await flow.AuthorizeAsync(request));

        Assert.Equal(host.Origin + "/tool/oidc", login.Action);
        Assert.Equal("client-from-config", login.Fields["client_id"]);
        Assert.Equal("deployment-from-config", login.Fields["lti_deployment_id"]);
        Assert.Equal(host.Origin + "/tool/launch", login.Fields["target_link_uri"]);
        Assert.Equal(host.Origin + "/tool/launch", answer.Action);
        var token = LaunchFlow.Payload(answer.Fields["id_token"]);
        Assert.Equal("client-from-config", token.GetProperty("aud").GetString());
        Assert.Equal("deployment-from-config", token.GetProperty("https://purl.imsglobal.org/spec/lti/claim/deployment_id").GetString());
    }
}
