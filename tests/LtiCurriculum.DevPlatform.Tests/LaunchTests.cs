using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class LaunchTests(DevPlatformFixture fixture) : IClassFixture<DevPlatformFixture>
{
    private DevPlatformHost Host => fixture.Host;

    [Fact]
    public async Task Launch_posts_login_initiation_to_the_tool_login()
    {
        var login = await new LaunchFlow(Host).StartAsync(user: "instructor-lee");

        Assert.Equal(Host.Origin + "/lti/login", login.Action);
        Assert.Equal(Host.Issuer, login.Fields["iss"]);
        Assert.Equal("dev-user-2001", login.Fields["login_hint"]);
        Assert.Equal(Host.Origin + "/lti/launch", login.Fields["target_link_uri"]);
        Assert.Equal("lticurriculum-dev", login.Fields["client_id"]);
        Assert.Equal("dev-deployment-1", login.Fields["lti_deployment_id"]);
        Assert.True(login.Fields["lti_message_hint"].Length >= 32);
        Assert.False(login.Fields.ContainsKey("canvas_region"));
        Assert.Contains("<noscript>", login.Html);
        Assert.Contains("<button type=\"submit\">Continue</button>", login.Html);
    }

    [Fact]
    public async Task Each_launch_gets_its_own_message_hint()
    {
        var flow = new LaunchFlow(Host);

        var first = await flow.StartAsync();
        var second = await flow.StartAsync();

        Assert.NotEqual(first.Fields["lti_message_hint"], second.Fields["lti_message_hint"]);
    }

    [Fact]
    public async Task Get_style_launch_redirects_with_canvas_parameters()
    {
        var response = await new LaunchFlow(Host).PostLaunchAsync(new Dictionary<string, string>
        {
            ["course"] = "med-210", ["link"] = "link-ho-2", ["user"] = "learner-ana", ["style"] = "get",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(Host.Origin + "/lti/login", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(Host.Issuer, query["iss"]);
        Assert.Equal("dev-user-1001", query["login_hint"]);
        Assert.Equal(Host.Origin + "/lti/launch", query["target_link_uri"]);
        Assert.False(string.IsNullOrEmpty(query["lti_message_hint"]));
        Assert.Equal("lticurriculum-dev", query["client_id"]);
        Assert.Equal("dev-deployment-1", query["lti_deployment_id"]);
        Assert.Equal("unknown", query["canvas_region"]);
        Assert.Equal("production", query["canvas_environment"]);
        Assert.Equal("_parent", query["lti_storage_target"]);
    }

    [Fact]
    public async Task Anonymous_launch_uses_anonymous_login_hint()
    {
        var login = await new LaunchFlow(Host).StartAsync(user: "anonymous");

        Assert.Equal("anonymous", login.Fields["login_hint"]);
    }

    [Fact]
    public async Task Launch_registers_the_platform_with_the_host()
    {
        await new LaunchFlow(Host).StartAsync();

        var registration = Host.Registrar!.Registrations.Last();
        Assert.Equal(
            new DevPlatformRegistration(
                Host.Issuer, "lticurriculum-dev", Host.Issuer + "/authorize", Host.Issuer + "/token", Host.Issuer + "/jwks", "dev-deployment-1"),
            registration);
    }

    [Theory]
    [InlineData("course", "med-999")]
    [InlineData("link", "link-ho-1")]
    [InlineData("user", "mallory")]
    [InlineData("message_type", "LtiSubmissionReviewRequest")]
    [InlineData("locale", "fr")]
    [InlineData("style", "put")]
    [InlineData("accept_multiple", "maybe")]
    public async Task Launch_rejects_an_unknown_choice_naming_the_field(string field, string value)
    {
        var registrationsBefore = Host.Registrar!.Registrations.Count;
        var fields = new Dictionary<string, string> { ["course"] = "med-501", ["link"] = "link-cc-1", ["user"] = "learner-ana" };
        fields[field] = value;

        var response = await new LaunchFlow(Host).PostLaunchAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"The field \u201c{field}\u201d", html);
        Assert.Equal(registrationsBefore, Host.Registrar.Registrations.Count);
    }

    [Fact]
    public async Task Launch_without_a_registrar_still_starts()
    {
        await using var host = await DevPlatformHost.StartAsync(withRegistrar: false);

        var idToken = await new LaunchFlow(host).LaunchAsync();

        Assert.Equal(host.Issuer, LaunchFlow.Payload(idToken).GetProperty("iss").GetString());
    }

    [Fact]
    public async Task Configured_get_style_can_be_overridden_per_launch()
    {
        await using var host = await DevPlatformHost.StartAsync(new Dictionary<string, string?> { ["DevPlatform:LoginStyle"] = "get" });
        var flow = new LaunchFlow(host);
        var fields = new Dictionary<string, string> { ["course"] = "med-501", ["link"] = "link-cc-1", ["user"] = "learner-ana" };

        var byDefault = await flow.PostLaunchAsync(fields);
        fields["style"] = "post";
        var overridden = await flow.PostLaunchAsync(fields);

        Assert.Equal(HttpStatusCode.Redirect, byDefault.StatusCode);
        Assert.Equal(host.Origin + "/lti/login", (await AutoPost.ReadAsync(overridden)).Action);
    }
}
