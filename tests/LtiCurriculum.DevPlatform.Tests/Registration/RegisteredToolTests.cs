using System.Net;
using System.Text.Json;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>What a tool registered by dynamic registration can do next: get tokens, be launched, answer deep linking, send scores.</summary>
public sealed class RegisteredToolTests
{
    private const string Ags = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    private const string Nrps = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("moodle")]
    [InlineData("canvas")]
    public async Task Token_endpoint_checks_a_registered_client_against_its_registered_key_set(string flavour)
    {
        await using var tool = await RegisteringTool.StartAsync();
        var clientId = RegisteringTool.ClientId(await tool.RegisterAsync(flavour));

        var granted = await tool.Ags.RequestTokenAsync(AgsHost.TokenForm(tool.Assertion(clientId), AgsHost.ScoreScope));
        var signedWithTheBuiltInToolsKey = await tool.Ags.RequestTokenAsync(AgsHost.TokenForm(
            tool.Assertion(clientId, tool.Ags.Jwks.Key.SigningCredentials), AgsHost.ScoreScope));

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(AgsHost.ScoreScope, (await AgsHost.JsonAsync(granted)).GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, signedWithTheBuiltInToolsKey.StatusCode);
        Assert.Equal("invalid_client", (await AgsHost.JsonAsync(signedWithTheBuiltInToolsKey)).GetProperty("error").GetString());
        Assert.True(tool.Keys.Fetches >= 1);
    }

    [Fact]
    public async Task Registered_client_gets_only_the_scopes_it_registered()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var clientId = RegisteringTool.ClientId(await tool.RegisterAsync("canvas", tool.Body(body => body["scope"] = AgsHost.ScoreScope)));

        var partly = await tool.Ags.RequestTokenAsync(AgsHost.TokenForm(tool.Assertion(clientId), $"{AgsHost.ScoreScope} {AgsHost.LineItemScope} {RegisteringTool.NrpsScope}"));
        var none = await tool.Ags.RequestTokenAsync(AgsHost.TokenForm(tool.Assertion(clientId), AgsHost.LineItemScope));

        Assert.Equal(AgsHost.ScoreScope, (await AgsHost.JsonAsync(partly)).GetProperty("scope").GetString());
        Assert.Equal("invalid_scope", (await AgsHost.JsonAsync(none)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Launch_with_a_registration_goes_to_its_login_with_its_client_and_deployment()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var answer = await tool.RegisterAsync("moodle");
        var clientId = RegisteringTool.ClientId(answer);

        var login = await StartAsync(tool, clientId);

        Assert.Equal(tool.Origin + "/registered-tool/login", login.Action);
        Assert.Equal(clientId, login.Fields["client_id"]);
        Assert.Equal(RegisteringTool.DeploymentId(answer), login.Fields["lti_deployment_id"]);
        Assert.Equal(tool.Origin + "/registered-tool/launch", login.Fields["target_link_uri"]);
        Assert.Equal(tool.Issuer, login.Fields["iss"]);
        Assert.Empty(tool.Ags.Host.Registrar!.Registrations);
    }

    [Fact]
    public async Task Canvas_registration_launches_with_a_canvas_style_redirect()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var clientId = RegisteringTool.ClientId(await tool.RegisterAsync("canvas"));

        var response = await new LaunchFlow(tool.Ags.Host).PostLaunchAsync(Fields(clientId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(tool.Origin + "/registered-tool/login?", response.Headers.Location!.AbsoluteUri);
        Assert.Contains("canvas_environment=production", response.Headers.Location.Query);
    }

    [Fact]
    public async Task Id_token_of_a_registered_launch_names_its_client_deployment_and_scopes()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var answer = await tool.RegisterAsync("canvas", tool.Body(body => body["scope"] = AgsHost.ScoreScope));
        var clientId = RegisteringTool.ClientId(answer);

        var idToken = await LaunchAsync(tool, clientId, tool.Origin + "/registered-tool/launch-2");

        var payload = LaunchFlow.Payload(idToken);
        Assert.Equal(clientId, payload.GetProperty("aud").GetString());
        Assert.Equal(RegisteringTool.DeploymentId(answer), payload.GetProperty("https://purl.imsglobal.org/spec/lti/claim/deployment_id").GetString());
        Assert.Equal(tool.Origin + "/registered-tool/launch", payload.GetProperty("https://purl.imsglobal.org/spec/lti/claim/target_link_uri").GetString());
        Assert.Equal([AgsHost.ScoreScope], payload.GetProperty(Ags).GetProperty("scope").EnumerateArray().Select(scope => scope.GetString()));
        Assert.False(payload.TryGetProperty(Nrps, out _));
    }

    [Fact]
    public async Task Authorization_refuses_a_redirect_uri_the_registration_does_not_list()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var clientId = RegisteringTool.ClientId(await tool.RegisterAsync("moodle"));
        var flow = new LaunchFlow(tool.Ags.Host);
        var login = await StartAsync(tool, clientId);

        // The built-in tool's launch URL is not among this registration's redirect_uris.
        var response = await flow.AuthorizeAsync(flow.AuthenticationRequest(login));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("registered-tool/launch-2", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)));
    }

    [Fact]
    public async Task Launch_started_for_a_registration_cannot_be_authorized_by_the_built_in_client()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var clientId = RegisteringTool.ClientId(await tool.RegisterAsync("moodle"));
        var flow = new LaunchFlow(tool.Ags.Host);
        var login = await StartAsync(tool, clientId);
        var request = flow.AuthenticationRequest(login);
        request["client_id"] = ClientAssertion.ClientId;

        var answer = await AutoPost.ReadAsync(await flow.AuthorizeAsync(request));

        Assert.Equal("unauthorized_client", answer.Fields["error"]);
    }

    [Fact]
    public async Task Unknown_client_id_is_a_400_naming_the_field()
    {
        await using var tool = await RegisteringTool.StartAsync();

        var response = await new LaunchFlow(tool.Ags.Host).PostLaunchAsync(Fields("no-such-client"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("client_id", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)));
    }

    [Fact]
    public async Task Deep_linking_with_a_registration_goes_to_its_deep_linking_url_and_takes_its_signed_answer()
    {
        await using var tool = await RegisteringTool.StartAsync();
        var answer = await tool.RegisterAsync("moodle");
        var clientId = RegisteringTool.ClientId(answer);
        var login = await StartAsync(tool, clientId, "instructor-lee", deepLinking: true);
        Assert.Equal(tool.Origin + "/registered-tool/deep-link", login.Fields["target_link_uri"]);
        var idToken = await AuthorizeAsync(tool, login, tool.Origin + "/registered-tool/launch");
        var settings = LaunchFlow.Payload(idToken).GetProperty(DeepLinkingResponse.Settings);
        var claims = DeepLinkingResponse.Claims(tool.Ags, settings, new
        {
            type = "ltiResourceLink", title = "Registered module", url = tool.Origin + "/registered-tool/launch?module=1",
            lineItem = new { scoreMaximum = 10, label = "Registered module" },
        });
        claims["iss"] = clientId;
        claims[DeepLinkingResponse.DeploymentId] = RegisteringTool.DeploymentId(answer);
        var signedWithTheBuiltInToolsKey = await DeepLinkingResponse.PostAsync(tool.Ags, DeepLinkingResponse.Sign(tool.Ags.Jwks.Key.SigningCredentials, claims));

        var accepted = await DeepLinkingResponse.PostAsync(tool.Ags, DeepLinkingResponse.Sign(tool.Keys.Key.SigningCredentials, claims));

        Assert.Equal(HttpStatusCode.BadRequest, signedWithTheBuiltInToolsKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var made = Assert.Single(DeepLinkingResponse.MadeLinks(await DeepLinkingResponse.LinksAsync(tool.Ags)));
        Assert.Equal("Registered module", made.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Registered_tool_sends_a_score_to_the_line_item_of_its_launch()
    {
        await using var tool = await RegisteringTool.StartAsync("canvas");
        var clientId = RegisteringTool.ClientId(await tool.RegisterAsync("canvas"));
        var idToken = await LaunchAsync(tool, clientId, tool.Origin + "/registered-tool/launch");
        var lineItem = LaunchFlow.Payload(idToken).GetProperty(Ags).GetProperty("lineitem").GetString()!;
        var token = (await AgsHost.JsonAsync(await tool.Ags.RequestTokenAsync(AgsHost.TokenForm(tool.Assertion(clientId), AgsHost.ScoreScope))))
            .GetProperty("access_token").GetString()!;

        var response = await tool.Ags.PostScoreAsync(lineItem, token, AgsHost.Score());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = Assert.Single((await tool.Ags.GradebookAsync()).GetProperty("results").EnumerateArray());
        Assert.Equal(8, result.GetProperty("scoreGiven").GetDecimal());
    }

    private static Dictionary<string, string> Fields(string clientId, string user = "learner-ana", bool deepLinking = false)
    {
        var fields = new Dictionary<string, string> { ["client_id"] = clientId, ["course"] = "med-501", ["user"] = user };
        if (deepLinking)
        {
            fields["message_type"] = "LtiDeepLinkingRequest";
        }
        else
        {
            fields["link"] = "link-cc-1";
        }

        return fields;
    }

    private static async Task<AutoPost> StartAsync(RegisteringTool tool, string clientId, string user = "learner-ana", bool deepLinking = false)
    {
        var fields = Fields(clientId, user, deepLinking);
        fields["style"] = "post";
        return await AutoPost.ReadAsync(await new LaunchFlow(tool.Ags.Host).PostLaunchAsync(fields));
    }

    private static async Task<string> AuthorizeAsync(RegisteringTool tool, AutoPost login, string redirectUri)
    {
        var flow = new LaunchFlow(tool.Ags.Host);
        var request = flow.AuthenticationRequest(login);
        request["redirect_uri"] = redirectUri;
        var answer = await AutoPost.ReadAsync(await flow.AuthorizeAsync(request));
        Assert.Equal(redirectUri, answer.Action);
        return answer.Fields["id_token"];
    }

    private static async Task<string> LaunchAsync(RegisteringTool tool, string clientId, string redirectUri) =>
        await AuthorizeAsync(tool, await StartAsync(tool, clientId), redirectUri);
}
