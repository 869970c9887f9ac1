using System.Text;
using System.Text.Json.Nodes;
using LtiCurriculum.Lti.Registration;

namespace LtiCurriculum.Lti.Tests.Registration;

/// <summary>The client registration request (LTI Dynamic Registration 1.0 §3.5.2) and how platform answers are read.</summary>
public sealed class ClientRegistrationTests : IAsyncLifetime
{
    private const string Lineitem = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    private const string Score = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    private const string ResultReadOnly = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    private const string Memberships = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    private static readonly ToolRegistration Tool = new(
        ClientName: "LtiCurriculum",
        Description: "Curriculum modules.",
        Domain: "tool.example.edu",
        TargetLinkUri: "https://tool.example.edu/lti/launch",
        InitiateLoginUri: "https://tool.example.edu/lti/login",
        RedirectUris: ["https://tool.example.edu/lti/launch"],
        JwksUri: "https://tool.example.edu/.well-known/jwks.json",
        LogoUri: "https://tool.example.edu/logo.svg",
        Scopes: [Lineitem, ResultReadOnly, Score, Memberships],
        Claims: ["iss", "sub", "name", "email"],
        Messages:
        [
            new ToolRegistrationMessage("LtiDeepLinkingRequest", "https://tool.example.edu/lti/launch", "Add a module", ["link_selection", "assignment_selection"]),
            new ToolRegistrationMessage("LtiResourceLinkRequest", "https://tool.example.edu/lti/launch", "LtiCurriculum", ["course_navigation"]),
        ],
        PrivacyLevel: "public");

    private StubPlatform _platform = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _platform = await StubPlatform.StartAsync();

    public async ValueTask DisposeAsync() => await _platform.DisposeAsync();

    private PlatformConfiguration Platform() => PlatformConfiguration.Parse(Encoding.UTF8.GetBytes(_platform.Configuration.ToJsonString()))!;

    private async Task<(RegistrationOutcome Outcome, RecordedRequest Request)> RegisterAsync(string? token)
    {
        using var host = new RegistrationClientHost();
        var platform = Platform();
        var outcome = await host.Client.RegisterAsync(platform, ClientRegistrationBody.Build(Tool, platform), token, Ct);
        return (outcome, Assert.Single(_platform.Requests, r => r.Path == StubPlatform.RegisterPath));
    }

    [Fact]
    public async Task Request_carries_every_required_field_and_the_bearer_token()
    {
        _platform.AnswerRegistration(200, "{\"client_id\":\"client-7\"}");

        var (_, request) = await RegisterAsync("reg-token-1");

        Assert.Equal("POST", request.Method);
        Assert.Equal("Bearer reg-token-1", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal("web", (string?)body["application_type"]);
        Assert.Equal(["implicit", "client_credentials"], Strings(body["grant_types"]));
        Assert.Equal(["id_token"], Strings(body["response_types"]));
        Assert.Equal(["https://tool.example.edu/lti/launch"], Strings(body["redirect_uris"]));
        Assert.Equal("https://tool.example.edu/lti/login", (string?)body["initiate_login_uri"]);
        Assert.Equal("https://tool.example.edu/.well-known/jwks.json", (string?)body["jwks_uri"]);
        Assert.Equal("private_key_jwt", (string?)body["token_endpoint_auth_method"]);
        Assert.Equal("LtiCurriculum", (string?)body["client_name"]);
        Assert.Equal("https://tool.example.edu/logo.svg", (string?)body["logo_uri"]);
        // The stub lists lineitem, score and memberships but not result.readonly: only those go.
        Assert.Equal($"{Lineitem} {Score} {Memberships}", (string?)body["scope"]);

        var configuration = body["https://purl.imsglobal.org/spec/lti-tool-configuration"]!.AsObject();
        Assert.Equal("tool.example.edu", (string?)configuration["domain"]);
        Assert.Equal("https://tool.example.edu/lti/launch", (string?)configuration["target_link_uri"]);
        Assert.Equal("Curriculum modules.", (string?)configuration["description"]);
        Assert.Equal(["iss", "sub", "name", "email"], Strings(configuration["claims"]));
        var messages = configuration["messages"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.Equal(["LtiDeepLinkingRequest", "LtiResourceLinkRequest"], messages.Select(m => (string?)m["type"]));
        Assert.All(messages, m => Assert.Equal("https://tool.example.edu/lti/launch", (string?)m["target_link_uri"]));
        Assert.Equal(["Add a module", "LtiCurriculum"], messages.Select(m => (string?)m["label"]));
        // Moodle advertises no placements, so none are sent; nor Canvas's privacy level.
        Assert.All(messages, m => Assert.False(m.ContainsKey("placements")));
        Assert.False(configuration.ContainsKey("https://canvas.instructure.com/lti/privacy_level"));
    }

    [Fact]
    public async Task Request_without_a_registration_token_has_no_authorization()
    {
        _platform.AnswerRegistration(200, "{\"client_id\":\"client-7\"}");

        var (outcome, request) = await RegisterAsync(null);

        Assert.Null(outcome.Failure);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public void Canvas_gets_its_placement_names_and_the_privacy_level()
    {
        _platform.Configuration["https://purl.imsglobal.org/spec/lti-platform-configuration"]!["product_family_code"] = "canvas";

        var body = ClientRegistrationBody.Build(Tool, Platform());

        var configuration = body["https://purl.imsglobal.org/spec/lti-tool-configuration"]!.AsObject();
        Assert.Equal("public", (string?)configuration["https://canvas.instructure.com/lti/privacy_level"]);
        var placements = configuration["messages"]!.AsArray().Select(m => Strings(m!["placements"])).ToList();
        Assert.Equal([["link_selection", "assignment_selection"], ["course_navigation"]], placements);
    }

    [Fact]
    public void Every_scope_is_asked_for_when_the_platform_lists_none()
    {
        _platform.Configuration.Remove("scopes_supported");

        var body = ClientRegistrationBody.Build(Tool, Platform());

        Assert.Equal($"{Lineitem} {ResultReadOnly} {Score} {Memberships}", (string?)body["scope"]);
    }

    [Fact]
    public async Task Client_id_and_deployment_id_are_read_and_moodle_quirks_ignored()
    {
        // Moodle's answer: application_type as an array and claims echoed that were not asked for.
        _platform.AnswerRegistration(200, """
            {"client_id":"Ab12Cd","application_type":["web"],
             "https://purl.imsglobal.org/spec/lti-tool-configuration":{"deployment_id":"7","claims":["email","name","given_name"]}}
            """);

        var (outcome, _) = await RegisterAsync("reg-token-1");

        Assert.Null(outcome.Failure);
        Assert.Equal("Ab12Cd", outcome.Response!.ClientId);
        Assert.Equal("7", outcome.Response.DeploymentId);
    }

    [Fact]
    public async Task Answer_without_a_deployment_id_leaves_it_for_the_first_launch()
    {
        _platform.AnswerRegistration(201, "{\"client_id\":10000000000001}");

        var (outcome, _) = await RegisterAsync("reg-token-1");

        Assert.Equal("10000000000001", outcome.Response!.ClientId);
        Assert.Null(outcome.Response.DeploymentId);
    }

    [Fact]
    public async Task Spent_moodle_token_is_explained()
    {
        _platform.AnswerRegistration(401, "{\"error\":\"token_already_used\"}");

        var (outcome, _) = await RegisterAsync("reg-token-1");

        Assert.Equal("registration_token_used", outcome.Failure!.Code);
        Assert.Contains("used already", outcome.Failure.Description, StringComparison.Ordinal);
        Assert.Contains("Start again from the LMS", outcome.Failure.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Canvas_errors_are_shown_in_words()
    {
        _platform.AnswerRegistration(422, """{"errors":["Scopes are invalid",{"field":"redirect_uris","message":"must be https"}]}""");

        var (outcome, _) = await RegisterAsync("reg-token-1");

        Assert.Equal("platform_refused_registration", outcome.Failure!.Code);
        Assert.Contains("HTTP 422", outcome.Failure.Description, StringComparison.Ordinal);
        Assert.Contains("Scopes are invalid", outcome.Failure.Description, StringComparison.Ordinal);
        Assert.Contains("redirect_uris: must be https", outcome.Failure.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oauth_style_errors_are_shown_in_words()
    {
        _platform.AnswerRegistration(400, """{"error":"invalid_client_metadata","error_description":"jwks_uri unreachable"}""");

        var (outcome, _) = await RegisterAsync("reg-token-1");

        Assert.Equal("platform_refused_registration", outcome.Failure!.Code);
        Assert.Contains("invalid_client_metadata: jwks_uri unreachable", outcome.Failure.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_error_says_the_lms_failed_and_nothing_was_saved()
    {
        _platform.AnswerRegistration(500, "<html>Internal Server Error</html>");

        var (outcome, _) = await RegisterAsync("reg-token-1");

        Assert.Equal("platform_failed", outcome.Failure!.Code);
        Assert.Contains("nothing was saved", outcome.Failure.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("<html>", outcome.Failure.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"client_id\":\"\"}")]
    [InlineData("[\"client_id\"]")]
    public async Task Success_without_a_client_id_is_refused(string answer)
    {
        _platform.AnswerRegistration(200, answer);

        var (outcome, _) = await RegisterAsync("reg-token-1");

        Assert.Equal("registration_response_invalid", outcome.Failure!.Code);
    }

    private static IEnumerable<string?> Strings(JsonNode? array) => array!.AsArray().Select(v => (string?)v);
}
