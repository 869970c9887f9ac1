using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class RegistrationControlTests
{
    [Fact]
    public async Task Initiation_url_adds_the_configuration_and_token_to_a_url_without_a_query()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var start = await tool.StartRegistrationAsync("moodle", "https://tool.example/lti/register");

        var initiation = new Uri(start.GetProperty("initiationUrl").GetString()!);
        Assert.Equal("https://tool.example/lti/register", initiation.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(initiation.Query);
        Assert.Equal(2, query.Count);
        Assert.Equal(start.GetProperty("openidConfiguration").GetString(), query["openid_configuration"].Single());
        Assert.Equal(start.GetProperty("registrationToken").GetString(), query["registration_token"].Single());
    }

    [Fact]
    public async Task Initiation_url_joins_with_an_ampersand_when_the_url_already_has_a_query()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var start = await tool.StartRegistrationAsync("canvas", "https://tool.example/lti/register?secret=a%2Bb&lang=en");

        var url = start.GetProperty("initiationUrl").GetString()!;
        Assert.StartsWith("https://tool.example/lti/register?secret=a%2Bb&lang=en&openid_configuration=", url);
        Assert.Single(url, '?');
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        Assert.Equal("a+b", query["secret"].Single());
        Assert.Equal(tool.Issuer + "/registration/canvas/openid-configuration", query["openid_configuration"].Single());
        Assert.Equal(start.GetProperty("registrationToken").GetString(), query["registration_token"].Single());
    }

    [Theory]
    [InlineData("blackboard", "https://tool.example/register", "flavour")]
    [InlineData("moodle", "ftp://tool.example/register", "toolRegistrationUrl")]
    [InlineData("moodle", null, "toolRegistrationUrl")]
    public async Task Bad_start_names_the_bad_member(string flavour, string? url, string member)
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await tool.Ags.ControlAsync(HttpMethod.Post, "registrations", new { flavour, toolRegistrationUrl = url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(member, (await AgsHost.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Registrations_list_what_each_tool_registered()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var before = await AgsHost.JsonAsync(await tool.Ags.ControlAsync(HttpMethod.Get, "registrations"));
        var moodle = await tool.RegisterAsync("moodle");
        var canvas = await tool.RegisterAsync("canvas");

        var list = (await AgsHost.JsonAsync(await tool.Ags.ControlAsync(HttpMethod.Get, "registrations"))).EnumerateArray().ToList();

        Assert.Equal(0, before.GetArrayLength());
        Assert.Equal([RegisteringTool.ClientId(moodle), RegisteringTool.ClientId(canvas)], list.Select(row => row.GetProperty("clientId").GetString()));
        Assert.Equal([RegisteringTool.DeploymentId(moodle), RegisteringTool.DeploymentId(canvas)], list.Select(row => row.GetProperty("deploymentId").GetString()));
        Assert.Equal(["moodle", "canvas"], list.Select(row => row.GetProperty("flavour").GetString()));
        var row = list[1];
        Assert.Equal("LtiCurriculum", row.GetProperty("clientName").GetString());
        Assert.Equal(tool.Origin + "/registered-tool/login", row.GetProperty("initiateLoginUri").GetString());
        Assert.Equal(2, row.GetProperty("redirectUris").GetArrayLength());
        Assert.Equal(tool.Origin + RegisteringTool.JwksPath, row.GetProperty("jwksUri").GetString());
        Assert.Equal(tool.Origin + "/registered-tool/launch", row.GetProperty("targetLinkUri").GetString());
        Assert.Equal(4, row.GetProperty("scopes").GetArrayLength());
        Assert.Equal(2, row.GetProperty("messages").GetArrayLength());
        Assert.Equal(6, row.GetProperty("claims").GetArrayLength());
        Assert.True(row.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.MinValue);
    }
}
