using LtiCurriculum.Lti.Oidc;
using LtiCurriculum.Lti.Tests.Harness;

namespace LtiCurriculum.Lti.Tests;

/// <summary>OIDC third-party initiated login and the authentication request (1A-1 to 1A-12).</summary>
public sealed class LoginInitiationTests : IDisposable
{
    private readonly LtiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory] // 1A-2: iss, login_hint and target_link_uri are required; the reason names the parameter
    [InlineData("iss")]
    [InlineData("login_hint")]
    [InlineData("target_link_uri")]
    public async Task Missing_required_parameter_is_named(string parameter)
    {
        var initiation = parameter switch
        {
            "iss" => LtiTestHost.Initiation(issuer: null),
            "login_hint" => LtiTestHost.Initiation(loginHint: " "),
            _ => LtiTestHost.Initiation(targetLinkUri: ""),
        };

        var outcome = await _host.StartLoginAsync(initiation);

        var failure = LaunchAssert.Failed(outcome, "login_parameter_missing", 400);
        Assert.Contains(parameter, failure.Description, StringComparison.Ordinal);
        Assert.Equal(0, _host.LoginStates.Count);
    }

    [Fact] // 1A-1: GET query and POST form read the same parameters
    public void Initiation_reads_every_parameter_by_its_wire_name()
    {
        var values = new Dictionary<string, string>
        {
            ["iss"] = "i", ["login_hint"] = "l", ["target_link_uri"] = "t", ["lti_message_hint"] = "m",
            ["client_id"] = "c", ["lti_deployment_id"] = "d", ["lti_storage_target"] = "s", ["canvas_region"] = "us-east-1",
        };

        var initiation = LoginInitiation.From(name => values.GetValueOrDefault(name));

        Assert.Equal(new LoginInitiation("i", "l", "t", "m", "c", "d", "s"), initiation);
    }

    [Theory] // 1A-7: no open redirect
    [InlineData("https://attacker.example/lti/launch")]
    [InlineData("https://tool.example:8443/lti/launch")]
    [InlineData("http://tool.example/lti/launch")]
    [InlineData("https://tool.example.attacker.example/lti/launch")]
    [InlineData("https://tool.example@attacker.example/lti/launch")]
    [InlineData("/lti/launch")]
    [InlineData("javascript:alert(1)")]
    public async Task Foreign_target_link_uri_is_rejected(string target)
    {
        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation(targetLinkUri: target));

        LaunchAssert.Failed(outcome, "login_target_link_uri_foreign", 400);
    }

    [Fact] // 1A-7: any page of this tool is a fine target
    public async Task Target_link_uri_on_another_path_of_this_tool_is_accepted()
    {
        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation(targetLinkUri: "https://TOOL.example/learn/modules/cardio-1?x=1"));

        Assert.True(outcome.Succeeded);
    }

    [Fact] // 1A-6
    public async Task Unknown_issuer_is_rejected_before_redirecting()
    {
        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation(issuer: "https://unknown.example"));

        LaunchAssert.Failed(outcome, "login_platform_unknown", 403);
        Assert.Equal(0, _host.LoginStates.Count);
    }

    [Fact] // 1A-6: unknown iss + client_id pair
    public async Task Known_issuer_with_unknown_client_id_is_rejected()
    {
        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation(clientId: "someone-elses-client"));

        LaunchAssert.Failed(outcome, "login_platform_unknown", 403);
    }

    [Fact] // 1A-5: Canvas hosts many institutions behind one issuer
    public async Task Issuer_with_two_registrations_and_no_client_id_is_ambiguous()
    {
        _host.Registrations.Add(LtiTestHost.DefaultRegistration(id: 2, clientId: "tool-client-2"));

        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation(clientId: null));

        LaunchAssert.Failed(outcome, "login_platform_ambiguous", 400);
    }

    [Fact] // 1A-5
    public async Task Client_id_picks_among_registrations_of_one_issuer()
    {
        _host.Registrations.Add(LtiTestHost.DefaultRegistration(id: 2, clientId: "tool-client-2", authorizationEndpoint: "https://platform.example/auth2"));

        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation(clientId: "tool-client-2"));

        Assert.True(outcome.Succeeded);
        Assert.StartsWith("https://platform.example/auth2?", outcome.AuthorizationUrl, StringComparison.Ordinal);
        Assert.Equal("tool-client-2", LtiTestHost.QueryOf(outcome.AuthorizationUrl!)["client_id"]);
        var saved = Assert.Single(_host.LoginStates.Saved);
        Assert.Equal(2, saved.PlatformId);
        Assert.Equal("tool-client-2", saved.ClientId);
    }

    [Fact] // 1A-4
    public async Task Unknown_lti_deployment_id_is_rejected()
    {
        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation(ltiDeploymentId: "deployment-99"));

        LaunchAssert.Failed(outcome, "login_deployment_unknown", 403);
    }

    [Fact] // 1A-9
    public async Task Authorization_url_carries_every_required_parameter()
    {
        var session = await _host.LoginAsync();

        Assert.StartsWith(LtiTestHost.AuthorizationEndpoint + "?", session.AuthorizationUrl, StringComparison.Ordinal);
        var query = session.Query;
        Assert.Equal("openid", query["scope"]);
        Assert.Equal("id_token", query["response_type"]);
        Assert.Equal("form_post", query["response_mode"]);
        Assert.Equal("none", query["prompt"]);
        Assert.Equal(LtiTestHost.ClientId, query["client_id"]);
        Assert.Equal(LtiTestHost.LoginHint, query["login_hint"]);
        Assert.Equal("message-hint-7", query["lti_message_hint"]);
        Assert.Equal(session.State, query["state"]);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.All(query.Values, v => Assert.Single(v)); // nothing sent twice
    }

    [Fact] // 1A-10: redirect_uri exactly as registered
    public async Task Redirect_uri_is_sent_exactly_as_registered()
    {
        var session = await _host.LoginAsync();

        Assert.Equal("https://tool.example/lti/launch", session.Query["redirect_uri"]);
        Assert.Contains("redirect_uri=https%3A%2F%2Ftool.example%2Flti%2Flaunch&", session.AuthorizationUrl, StringComparison.Ordinal);
    }

    [Fact] // 1A-3: Canvas sends a signed JWT as lti_message_hint; it goes back byte for byte
    public async Task Lti_message_hint_is_echoed_unchanged()
    {
        const string canvasHint = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ2ZXJpZmllciI6IjFhMmIzYy1fLiIsImNhbnZhc19kb21haW4iOiJleGFtcGxlLmluc3RydWN0dXJlLmNvbSJ9.kH_-Zx9Pq3-_a.b_c-d";

        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation(ltiMessageHint: canvasHint));

        Assert.Equal(canvasHint, LtiTestHost.QueryOf(outcome.AuthorizationUrl!)["lti_message_hint"]);
        Assert.Contains("&lti_message_hint=" + canvasHint + "&", outcome.AuthorizationUrl, StringComparison.Ordinal);
    }

    [Fact] // 1A-3: Moodle-style hint with characters that need escaping survives the round trip
    public async Task Lti_message_hint_with_reserved_characters_round_trips()
    {
        const string hint = "{\"cmid\":42,\"launchid\":\"ltilaunch1_a b+c&d=e\"}";

        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation(ltiMessageHint: hint));

        Assert.Equal(hint, LtiTestHost.QueryOf(outcome.AuthorizationUrl!)["lti_message_hint"]);
    }

    [Fact] // 1A-3: echoed only when present
    public async Task Lti_message_hint_is_left_out_when_not_received()
    {
        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation(ltiMessageHint: null));

        Assert.False(LtiTestHost.QueryOf(outcome.AuthorizationUrl!).ContainsKey("lti_message_hint"));
    }

    [Fact] // 1A-9: an endpoint with its own query keeps it
    public async Task Authorization_endpoint_query_string_is_kept()
    {
        _host.Registrations.Add(LtiTestHost.DefaultRegistration(authorizationEndpoint: "https://platform.example/mod/lti/auth.php?foo=bar"));

        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation());

        Assert.StartsWith("https://platform.example/mod/lti/auth.php?foo=bar&scope=openid&", outcome.AuthorizationUrl, StringComparison.Ordinal);
        Assert.Equal("bar", LtiTestHost.QueryOf(outcome.AuthorizationUrl!)["foo"]);
    }

    [Fact] // 1A-11, 1A-12: unguessable (32 random bytes → 43 base64url characters), distinct, fresh per login
    public async Task State_and_nonce_are_different_and_unguessable()
    {
        var first = await _host.LoginAsync();
        var second = await _host.LoginAsync();

        Assert.NotEqual(first.State, first.Nonce);
        Assert.NotEqual(first.State, first.BrowserBinding);
        Assert.NotEqual(first.Nonce, first.BrowserBinding);
        Assert.NotEqual(first.State, second.State);
        Assert.NotEqual(first.Nonce, second.Nonce);
        foreach (var value in new[] { first.State, first.Nonce, first.BrowserBinding })
        {
            Assert.True(value.Length >= 43, $"'{value}' is shorter than 43 characters");
            Assert.Matches("^[A-Za-z0-9_-]+$", value);
        }
    }

    [Fact] // 1A-11, 1A-12: the nonce is stored server-side, bound to the state, which is kept only as a hash
    public async Task Nonce_is_stored_server_side_under_the_hash_of_the_state()
    {
        var session = await _host.LoginAsync(ltiDeploymentId: LtiTestHost.DeploymentId);

        var saved = Assert.Single(_host.LoginStates.Saved);
        Assert.Equal(OpaqueTokens.Hash(session.State), saved.StateHash);
        Assert.NotEqual(session.State, saved.StateHash);
        Assert.Equal(session.Nonce, saved.Nonce);
        Assert.Equal(OpaqueTokens.Hash(session.BrowserBinding), saved.BrowserBindingHash);
        Assert.Equal(LtiTestHost.Issuer, saved.Issuer);
        Assert.Equal(LtiTestHost.DeploymentId, saved.DeploymentIdHint);
        Assert.Equal(LtiTestHost.TargetLinkUri, saved.TargetLinkUri);
        Assert.Equal(LtiTestHost.Start + _host.Options.LoginStateLifetime, saved.ExpiresAt);
    }

    [Fact] // 1A-11: the cookie is per state so two tabs do not overwrite each other
    public async Task Each_login_gets_its_own_state_cookie_name()
    {
        var first = await _host.LoginAsync();
        var second = await _host.LoginAsync();

        Assert.StartsWith(LoginStateCookie.Prefix, LoginStateCookie.NameFor(first.State), StringComparison.Ordinal);
        Assert.NotEqual(LoginStateCookie.NameFor(first.State), LoginStateCookie.NameFor(second.State));
    }

    [Fact] // 1A-2: absurdly long parameters are refused, not stored
    public async Task Overlong_parameter_is_rejected()
    {
        var outcome = await _host.StartLoginAsync(LtiTestHost.Initiation(ltiMessageHint: new string('m', 5000)));

        var failure = LaunchAssert.Failed(outcome, "login_parameter_too_long", 400);
        Assert.Contains("lti_message_hint", failure.Description, StringComparison.Ordinal);
        Assert.Equal(0, _host.LoginStates.Count);
    }
}
