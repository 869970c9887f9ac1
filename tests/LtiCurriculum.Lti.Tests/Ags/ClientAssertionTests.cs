using System.Text.Json;
using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Tests.Harness;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>The token request and its JWT bearer client assertion (1EdTech Security Framework §4.1; notes 1C-50, 1C-51).</summary>
public sealed class ClientAssertionTests : IDisposable
{
    private readonly AgsTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<string> AssertionSentFor(AgsPlatform platform)
    {
        await _host.Tokens.GetAsync(platform, [AgsTestHost.ScoreScope], _host.Cancellation);
        return _host.Lms.Requests.Last().Form["client_assertion"];
    }

    private static JsonElement Payload(string jwt) => JsonDocument.Parse(RawJwt.PayloadJsonOf(jwt)).RootElement;

    [Fact]
    public async Task Token_request_is_a_client_credentials_form_post()
    {
        await _host.TokenAsync(AgsTestHost.ScoreScope, AgsTestHost.LineItemScope, AgsTestHost.ScoreScope, AgsTestHost.ResultScope);

        var sent = Assert.Single(_host.TokenRequests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("application/x-www-form-urlencoded", sent.ContentType); // Moodle's token.php compares it exactly
        Assert.Null(sent.Authorization);
        var form = sent.Form;
        Assert.Equal(["client_assertion", "client_assertion_type", "grant_type", "scope"], form.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
        Assert.Equal($"{AgsTestHost.LineItemScope} {AgsTestHost.ResultScope} {AgsTestHost.ScoreScope}", form["scope"]);
    }

    [Fact]
    public async Task Assertion_is_signed_with_the_current_tool_key()
    {
        var assertion = await AssertionSentFor(AgsTestHost.Platform);

        var header = JsonDocument.Parse(RawJwt.HeaderJsonOf(assertion)).RootElement;
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.GetProperty("typ").GetString());
        Assert.Equal(AgsTestHost.CurrentKeyId, header.GetProperty("kid").GetString());
        Assert.True((await ValidateAsync(assertion, TestKey.Primary)).IsValid);
        Assert.False((await ValidateAsync(assertion, TestKey.Rotated)).IsValid);
    }

    [Fact]
    public async Task Assertion_claims_name_the_client_and_live_five_minutes()
    {
        var payload = Payload(await AssertionSentFor(AgsTestHost.Platform));

        Assert.Equal(AgsTestHost.ClientId, payload.GetProperty("iss").GetString());
        Assert.Equal(AgsTestHost.ClientId, payload.GetProperty("sub").GetString());
        Assert.Equal(AgsTestHost.TokenUrl, payload.GetProperty("aud").GetString());
        var issuedAt = AgsTestHost.Start.ToUnixTimeSeconds() - 5; // a few seconds back for a platform clock slightly behind
        Assert.Equal(issuedAt, payload.GetProperty("iat").GetInt64());
        Assert.Equal(issuedAt + 300, payload.GetProperty("exp").GetInt64());
        Assert.False(payload.TryGetProperty("nbf", out _)); // Moodle checks nbf with zero leeway
        Assert.Equal(16, Base64UrlEncoder.DecodeBytes(payload.GetProperty("jti").GetString()!).Length);
        Assert.Equal(["aud", "exp", "iat", "iss", "jti", "sub"], payload.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory] // canvas-lms #1925: a trailing slash that is not in the registered URL → 400 "the 'aud' is invalid"
    [InlineData("https://lms.example/login/oauth2/token")]
    [InlineData("https://lms.example/login/oauth2/token/")]
    [InlineData("https://moodle.example/mod/lti/token.php")]
    [InlineData("https://LMS.example:8443/oauth/token?tenant=7")]
    [InlineData("https://lms.example")]
    public async Task Assertion_audience_is_the_token_url_exactly(string tokenUrl)
    {
        _host.Lms.Post(tokenUrl, _ => Respond.Token("access-x"));

        var payload = Payload(await AssertionSentFor(AgsTestHost.Platform with { TokenEndpoint = tokenUrl }));

        Assert.Equal(tokenUrl, payload.GetProperty("aud").GetString());
        Assert.Equal(JsonValueKind.String, payload.GetProperty("aud").ValueKind);
    }

    [Fact]
    public async Task Assertion_audience_is_the_advertised_authorization_server_when_there_is_one()
    {
        var payload = Payload(await AssertionSentFor(AgsTestHost.Platform with { TokenAudience = "canvas.instructure.com" }));

        Assert.Equal("canvas.instructure.com", payload.GetProperty("aud").GetString());
        Assert.Single(_host.TokenRequests); // still sent to the token endpoint
    }

    [Fact]
    public async Task Every_assertion_has_its_own_jti()
    {
        await _host.TokenAsync(AgsTestHost.ScoreScope);
        await _host.TokenAsync(AgsTestHost.ResultScope);
        _host.Time.Advance(TimeSpan.FromHours(2));
        await _host.TokenAsync(AgsTestHost.ScoreScope);

        var jtis = _host.TokenRequests.Select(r => Payload(r.Form["client_assertion"]).GetProperty("jti").GetString()).ToList();
        Assert.Equal(3, jtis.Distinct().Count());
    }

    [Fact]
    public async Task Assertion_times_follow_the_clock()
    {
        _host.Time.Advance(TimeSpan.FromDays(3));

        var payload = Payload(await AssertionSentFor(AgsTestHost.Platform));

        Assert.Equal(AgsTestHost.Start.AddDays(3).ToUnixTimeSeconds() - 5, payload.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Without_a_current_tool_key_no_token_is_requested()
    {
        _host.ToolKeys.Keys = [AgsTestHost.Tool(TestKey.Rotated, AgsTestHost.RetiredKeyId, current: false)];

        var failure = await AgsAssert.FailsAsync(() => _host.TokenAsync().AsTask(), transient: false, status: null);

        Assert.True(failure.FromTokenEndpoint);
        Assert.Contains("signing key", failure.Message);
        Assert.Empty(_host.TokenRequests);
    }

    [Fact]
    public async Task Assertion_and_access_token_never_reach_the_logs()
    {
        var token = await _host.TokenAsync();
        _host.TokenEndpoint(_ => Respond.Status(400, """{"error":"invalid_client"}"""));
        _host.Time.Advance(TimeSpan.FromHours(2));
        await Assert.ThrowsAsync<AgsException>(() => _host.TokenAsync().AsTask());

        Assert.NotEmpty(_host.Logs.Entries);
        Assert.DoesNotContain(token, _host.Logs.AllText);
        foreach (var request in _host.TokenRequests)
        {
            var assertion = request.Form["client_assertion"];
            Assert.DoesNotContain(assertion.Split('.')[2], _host.Logs.AllText);
            Assert.DoesNotContain(assertion.Split('.')[1], _host.Logs.AllText);
        }
    }

    private static Task<TokenValidationResult> ValidateAsync(string assertion, TestKey key) =>
        new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(key.PublicParameters),
            ValidIssuer = AgsTestHost.ClientId,
            ValidAudience = AgsTestHost.TokenUrl,
            ValidateLifetime = false,
        });
}
