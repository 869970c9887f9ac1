using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.DevPlatform.Tests;

public sealed class TokenEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Good_assertion_gets_a_lower_case_bearer_token_in_standard_style()
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(), $"{AgsHost.ScoreScope} {AgsHost.LineItemScope}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await AgsHost.JsonAsync(response);
        Assert.True(body.GetProperty("access_token").GetString()!.Length >= 32);
        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal($"{AgsHost.ScoreScope} {AgsHost.LineItemScope}", body.GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData("canvas")]
    [InlineData("moodle")]
    public async Task Canvas_and_moodle_answer_token_type_Bearer(string style)
    {
        await using var ags = await AgsHost.StartAsync(style, new Dictionary<string, string?> { ["DevPlatform:AccessTokenLifetimeSeconds"] = "120" });

        var body = await AgsHost.JsonAsync(await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(), AgsHost.ScoreScope)));

        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(120, body.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Only_offered_scopes_are_granted()
    {
        await using var ags = await AgsHost.StartAsync();

        var body = await AgsHost.JsonAsync(await ags.RequestTokenAsync(AgsHost.TokenForm(
            ags.Assertion(), $"https://canvas.instructure.com/lti/public_jwk/scope/update {AgsHost.ScoreScope}")));

        Assert.Equal(AgsHost.ScoreScope, body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task No_offered_scope_is_invalid_scope()
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(), "openid profile"));

        await AssertOAuthError(response, "invalid_scope");
    }

    [Fact]
    public async Task Assertion_signed_by_another_key_is_invalid_client()
    {
        await using var ags = await AgsHost.StartAsync();
        using var impostor = RSA.Create(2048);
        var credentials = new SigningCredentials(new RsaSecurityKey(impostor) { KeyId = ags.Jwks.Key.KeyId }, SecurityAlgorithms.RsaSha256);

        var response = await ags.RequestTokenAsync(AgsHost.TokenForm(ClientAssertion.Sign(credentials, ags.TokenUrl, ags.Now), AgsHost.ScoreScope));

        Assert.Contains("signature", await AssertOAuthError(response, "invalid_client"));
    }

    [Fact]
    public async Task Aud_with_a_trailing_slash_is_refused_as_canvas_does()
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(claims => claims["aud"] = ags.TokenUrl + "/"), AgsHost.ScoreScope));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"error\":\"invalid_client\",\"error_description\":\"the 'aud' is invalid\"}", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("jti")]
    [InlineData("exp")]
    [InlineData("iat")]
    public async Task Assertion_without_a_required_claim_is_invalid_client(string claim)
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(claims => claims.Remove(claim)), AgsHost.ScoreScope));

        Assert.Contains(claim, await AssertOAuthError(response, "invalid_client"));
    }

    [Fact]
    public async Task Replayed_jti_is_invalid_client()
    {
        await using var ags = await AgsHost.StartAsync();
        var assertion = ags.Assertion();
        await ags.RequestTokenAsync(AgsHost.TokenForm(assertion, AgsHost.ScoreScope));

        var replay = await ags.RequestTokenAsync(AgsHost.TokenForm(assertion, AgsHost.ScoreScope));

        Assert.Contains("jti", await AssertOAuthError(replay, "invalid_client"));
    }

    [Fact]
    public async Task Expired_assertion_is_invalid_client()
    {
        await using var ags = await AgsHost.StartAsync();
        var assertion = ags.Assertion();
        ags.Host.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5));

        var response = await ags.RequestTokenAsync(AgsHost.TokenForm(assertion, AgsHost.ScoreScope));

        Assert.Contains("expired", await AssertOAuthError(response, "invalid_client"));
    }

    [Fact]
    public async Task Assertion_living_more_than_an_hour_is_invalid_client()
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.RequestTokenAsync(AgsHost.TokenForm(
            ags.Assertion(claims => claims["exp"] = ags.Now.AddHours(2).ToUnixTimeSeconds()), AgsHost.ScoreScope));

        await AssertOAuthError(response, "invalid_client");
    }

    [Fact]
    public async Task Assertion_issued_in_the_future_is_invalid_client()
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.RequestTokenAsync(AgsHost.TokenForm(
            ags.Assertion(claims => claims["iat"] = ags.Now.AddSeconds(30).ToUnixTimeSeconds()), AgsHost.ScoreScope));

        Assert.Contains("iat", await AssertOAuthError(response, "invalid_client"));
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("sub")]
    public async Task Assertion_from_another_client_is_invalid_client(string claim)
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.RequestTokenAsync(AgsHost.TokenForm(ags.Assertion(claims => claims[claim] = "someone-else"), AgsHost.ScoreScope));

        await AssertOAuthError(response, "invalid_client");
    }

    [Theory]
    [InlineData("grant_type", "authorization_code", "unsupported_grant_type")]
    [InlineData("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer", "invalid_request")]
    [InlineData("scope", "", "invalid_request")]
    [InlineData("client_assertion", "", "invalid_request")]
    [InlineData("client_assertion", "not-a-jwt", "invalid_client")]
    public async Task Bad_token_request_parameter_is_an_oauth_error(string parameter, string value, string error)
    {
        await using var ags = await AgsHost.StartAsync();
        var form = AgsHost.TokenForm(ags.Assertion(), AgsHost.ScoreScope);
        form[parameter] = value;

        await AssertOAuthError(await ags.RequestTokenAsync(form), error);
    }

    [Fact]
    public async Task Missing_scope_parameter_is_invalid_request()
    {
        await using var ags = await AgsHost.StartAsync();
        var form = AgsHost.TokenForm(ags.Assertion(), AgsHost.ScoreScope);
        form.Remove("scope");

        Assert.Contains("scope", await AssertOAuthError(await ags.RequestTokenAsync(form), "invalid_request"));
    }

    [Fact]
    public async Task Json_token_request_is_invalid_request()
    {
        await using var ags = await AgsHost.StartAsync();

        var response = await ags.SendAsync(HttpMethod.Post, ags.TokenUrl, null, "{\"grant_type\":\"client_credentials\"}");

        await AssertOAuthError(response, "invalid_request");
    }

    [Fact]
    public async Task Rotated_tool_key_is_fetched_once_more()
    {
        await using var ags = await AgsHost.StartAsync();
        await ags.TokenAsync();
        await ags.TokenAsync();
        Assert.Equal(1, ags.Jwks.Fetches);

        ags.Jwks.Rotate();
        await ags.TokenAsync();

        Assert.Equal(2, ags.Jwks.Fetches);
    }

    [Fact]
    public async Task Token_requests_are_counted()
    {
        await using var ags = await AgsHost.StartAsync();
        await ags.TokenAsync();
        await ags.RequestTokenAsync(AgsHost.TokenForm("bad", AgsHost.ScoreScope));

        var counters = (await ags.GradebookAsync()).GetProperty("counters");

        Assert.Equal(2, counters.GetProperty("tokenRequests").GetInt64());
        Assert.Equal(1, counters.GetProperty("tokensIssued").GetInt64());
    }

    private static async Task<string> AssertOAuthError(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AgsHost.JsonAsync(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
        return body.GetProperty("error_description").GetString()!;
    }
}
