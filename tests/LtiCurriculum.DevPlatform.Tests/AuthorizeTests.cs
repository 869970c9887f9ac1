using System.Net;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class AuthorizeTests(DevPlatformFixture fixture) : IClassFixture<DevPlatformFixture>
{
    private DevPlatformHost Host => fixture.Host;

    private LaunchFlow Flow => new(Host);

    [Theory]
    [InlineData("https://attacker.example/lti/launch")]
    [InlineData("{origin}/lti/launch/")]
    [InlineData("{origin}/lti/launch?x=1")]
    [InlineData("{origin}/lti/other")]
    [InlineData("")]
    public async Task Authorize_rejects_unregistered_redirect_uri(string redirectUri)
    {
        var login = await Flow.StartAsync();
        var request = Flow.AuthenticationRequest(login);
        request["redirect_uri"] = redirectUri.Replace("{origin}", Host.Origin, StringComparison.Ordinal);

        var response = await Flow.AuthorizeAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<form", html);
        Assert.DoesNotContain("id_token", html);
        Assert.Contains("redirect_uri", html);
    }

    [Fact]
    public async Task Refused_redirect_uri_does_not_use_up_the_launch()
    {
        var login = await Flow.StartAsync();
        var request = Flow.AuthenticationRequest(login);
        request["redirect_uri"] = "https://attacker.example/";
        await Flow.AuthorizeAsync(request);

        var answer = await AutoPost.ReadAsync(await Flow.AuthorizeAsync(Flow.AuthenticationRequest(login)));

        Assert.True(answer.Fields.ContainsKey("id_token"));
    }

    [Theory]
    [InlineData("scope", "openid profile", "invalid_scope")]
    [InlineData("response_type", "code", "unsupported_response_type")]
    [InlineData("client_id", "someone-else", "unauthorized_client")]
    [InlineData("response_mode", "query", "invalid_request")]
    [InlineData("prompt", "login", "invalid_request")]
    [InlineData("nonce", "", "invalid_request")]
    [InlineData("lti_message_hint", "forged-hint", "invalid_request")]
    [InlineData("login_hint", "dev-user-2001", "access_denied")]
    public async Task Authorize_posts_an_oidc_error_back_to_the_tool(string parameter, string value, string expectedError)
    {
        var login = await Flow.StartAsync();
        var request = Flow.AuthenticationRequest(login, state: "state-for-error");
        request[parameter] = value;

        var answer = await AutoPost.ReadAsync(await Flow.AuthorizeAsync(request));

        Assert.Equal(Host.RedirectUri, answer.Action);
        Assert.Equal(expectedError, answer.Fields["error"]);
        Assert.False(string.IsNullOrWhiteSpace(answer.Fields["error_description"]));
        Assert.Equal("state-for-error", answer.Fields["state"]);
        Assert.False(answer.Fields.ContainsKey("id_token"));
    }

    [Fact]
    public async Task Authorize_posts_id_token_and_state_to_the_redirect_uri()
    {
        var login = await Flow.StartAsync();

        var answer = await AutoPost.ReadAsync(await Flow.AuthorizeAsync(Flow.AuthenticationRequest(login, nonce: "n-42", state: "s-42")));

        Assert.Equal(Host.RedirectUri, answer.Action);
        Assert.Equal("s-42", answer.Fields["state"]);
        Assert.Equal("n-42", LaunchFlow.Payload(answer.Fields["id_token"]).GetProperty("nonce").GetString());
        Assert.Contains("<noscript>", answer.Html);
        Assert.Contains("<button type=\"submit\">Continue</button>", answer.Html);
        Assert.Contains(".submit();</script>", answer.Html);
    }

    [Fact]
    public async Task Authorize_accepts_a_posted_request_without_prompt()
    {
        var login = await Flow.StartAsync();
        var request = Flow.AuthenticationRequest(login);
        request.Remove("prompt");

        var answer = await AutoPost.ReadAsync(await Flow.AuthorizeAsync(request, usePost: true));

        Assert.True(answer.Fields.ContainsKey("id_token"));
    }

    [Fact]
    public async Task Pending_launch_is_single_use()
    {
        var login = await Flow.StartAsync();
        var request = Flow.AuthenticationRequest(login);

        var first = await AutoPost.ReadAsync(await Flow.AuthorizeAsync(request));
        var replay = await AutoPost.ReadAsync(await Flow.AuthorizeAsync(request));

        Assert.True(first.Fields.ContainsKey("id_token"));
        Assert.Equal("invalid_request", replay.Fields["error"]);
        Assert.False(replay.Fields.ContainsKey("id_token"));
    }

    [Fact]
    public async Task Wrong_login_hint_uses_up_the_launch()
    {
        var login = await Flow.StartAsync();
        var wrongUser = Flow.AuthenticationRequest(login);
        wrongUser["login_hint"] = "anonymous";
        await Flow.AuthorizeAsync(wrongUser);

        var retry = await AutoPost.ReadAsync(await Flow.AuthorizeAsync(Flow.AuthenticationRequest(login)));

        Assert.Equal("invalid_request", retry.Fields["error"]);
    }

    [Fact]
    public async Task Authorize_page_encodes_the_echoed_state()
    {
        var login = await Flow.StartAsync();

        var response = await Flow.AuthorizeAsync(Flow.AuthenticationRequest(login, state: "\"><script>alert(1)</script>"));

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Equal("\"><script>alert(1)</script>", AutoPost.Parse(html).Fields["state"]);
    }
}
