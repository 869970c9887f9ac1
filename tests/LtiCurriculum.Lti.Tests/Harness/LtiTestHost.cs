using LtiCurriculum.Lti.Keys;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Oidc;
using LtiCurriculum.Lti.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Lti.Tests.Harness;

/// <summary>A successful login initiation: what the browser carries to the launch.</summary>
internal sealed record LoginSession(string State, string Nonce, string BrowserBinding, string AuthorizationUrl, Dictionary<string, StringValues> Query);

/// <summary>
/// The library wired exactly as a host wires it (<c>AddLtiTool</c>), with a fake clock, in-memory stores and
/// a fake JWKS endpoint; plus one registered platform and helpers to log in and launch.
/// </summary>
internal sealed class LtiTestHost : IDisposable
{
    public const string Issuer = "https://platform.example";
    public const string ClientId = "tool-client-1";
    public const string DeploymentId = "deployment-1";
    public const string OtherDeploymentId = "deployment-2";
    public const string AuthorizationEndpoint = "https://platform.example/auth";
    public const string JwksUri = "https://platform.example/.well-known/jwks.json";
    public const string ReturnUrl = "https://platform.example/courses/7/external_content/success";
    public const string LoginHint = "login-hint-42";
    public const string UserId = "a6d5c443-1f51-4783-ba1a-7686ffe3b54a";
    public const string ResourceLinkId = "resource-link-1";
    public const string ContextId = "context-med101";
    public const string TargetLinkUri = "https://tool.example/lti/launch";
    public static readonly Uri RedirectUri = new("https://tool.example/lti/launch");
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public LtiTestHost(IDictionary<string, string?>? settings = null)
    {
        Registrations.Add(DefaultRegistration());
        Jwks.ServeKeys(TestKey.Primary);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLtiTool(configuration);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
        services.Replace(ServiceDescriptor.Singleton<IHttpClientFactory>(new FakeHttpClientFactory(Jwks)));
        services.AddSingleton<ILoginStateStore>(LoginStates);
        services.AddSingleton<IPlatformRegistrationStore>(Registrations);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public FakeJwksHandler Jwks { get; } = new();
    public InMemoryLoginStateStore LoginStates { get; } = new();
    public InMemoryPlatformRegistrationStore Registrations { get; } = new();

    public OidcLoginService Login => _services.GetRequiredService<OidcLoginService>();
    public LaunchValidator Validator => _services.GetRequiredService<LaunchValidator>();
    public PlatformKeySetCache KeySets => _services.GetRequiredService<PlatformKeySetCache>();
    public LtiToolOptions Options => _services.GetRequiredService<IOptionsMonitor<LtiToolOptions>>().CurrentValue;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static PlatformRegistration DefaultRegistration(int id = 1, string clientId = ClientId, string authorizationEndpoint = AuthorizationEndpoint) =>
        new(id, Issuer, clientId, authorizationEndpoint, "https://platform.example/login/oauth2/token", JwksUri,
            new HashSet<string>(StringComparer.Ordinal) { DeploymentId, OtherDeploymentId });

    public static LoginInitiation Initiation(
        string? issuer = Issuer,
        string? loginHint = LoginHint,
        string? targetLinkUri = TargetLinkUri,
        string? ltiMessageHint = "message-hint-7",
        string? clientId = null,
        string? ltiDeploymentId = null) =>
        new(issuer, loginHint, targetLinkUri, ltiMessageHint, clientId, ltiDeploymentId, null);

    public Task<LoginOutcome> StartLoginAsync(LoginInitiation initiation) => Login.StartAsync(initiation, RedirectUri, Cancellation);

    /// <summary>Runs a login initiation that must succeed and returns state, nonce (read from the authorization URL) and the browser binding.</summary>
    public async Task<LoginSession> LoginAsync(string? ltiDeploymentId = null, string? clientId = null)
    {
        var outcome = await StartLoginAsync(Initiation(clientId: clientId, ltiDeploymentId: ltiDeploymentId));
        Assert.True(outcome.Succeeded, $"login failed: {outcome.Failure?.Code} {outcome.Failure?.Description}");
        var query = QueryOf(outcome.AuthorizationUrl!);
        return new LoginSession(outcome.State!, query["nonce"].ToString(), outcome.BrowserBinding!, outcome.AuthorizationUrl!, query);
    }

    public static Dictionary<string, StringValues> QueryOf(string url) => QueryHelpers.ParseQuery(new Uri(url).Query);

    /// <summary>Every claim a complete, valid LtiResourceLinkRequest carries (Canvas-like), for the current fake time.</summary>
    public Dictionary<string, object> ResourceLinkClaims(LoginSession session)
    {
        var now = Time.GetUtcNow();
        return new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["sub"] = UserId,
            ["nonce"] = session.Nonce,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
            [Claim.MessageType] = Claim.ResourceLinkRequest,
            [Claim.Version] = "1.3.0",
            [Claim.DeploymentId] = DeploymentId,
            [Claim.TargetLinkUri] = TargetLinkUri,
            [Claim.ResourceLink] = new Dictionary<string, object> { ["id"] = ResourceLinkId, ["title"] = "Cardiology pre-work", ["description"] = "Before Monday" },
            [Claim.Roles] = new[] { Role.Learner },
            [Claim.Context] = new Dictionary<string, object>
            {
                ["id"] = ContextId,
                ["label"] = "MED101",
                ["title"] = "Foundations of Medicine",
                ["type"] = new[] { "http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering" },
            },
            ["name"] = "Ada Lovelace",
            ["given_name"] = "Ada",
            ["family_name"] = "Lovelace",
            ["email"] = "ada@example.edu",
            ["locale"] = "en",
            [Claim.LaunchPresentation] = new Dictionary<string, object> { ["document_target"] = "iframe", ["return_url"] = ReturnUrl, ["locale"] = "en-GB" },
            [Claim.ToolPlatform] = new Dictionary<string, object> { ["guid"] = "platform-guid-1", ["name"] = "Example University", ["product_family_code"] = "canvas" },
            [Claim.Custom] = new Dictionary<string, object> { ["module"] = "cardio-1" },
        };
    }

    /// <summary>A complete, valid LtiDeepLinkingRequest.</summary>
    public Dictionary<string, object> DeepLinkingClaims(LoginSession session)
    {
        var claims = ResourceLinkClaims(session);
        claims.Remove(Claim.ResourceLink);
        claims.Remove(Claim.TargetLinkUri);
        claims[Claim.MessageType] = Claim.DeepLinkingRequest;
        claims[Claim.Roles] = new[] { Role.Instructor };
        claims[Claim.DeepLinkingSettings] = new Dictionary<string, object>
        {
            ["deep_link_return_url"] = "https://platform.example/courses/7/deep_linking_response",
            ["accept_types"] = new[] { "ltiResourceLink" },
            ["accept_presentation_document_targets"] = new[] { "iframe", "window" },
            ["accept_multiple"] = true,
            ["data"] = "opaque-platform-data",
        };
        return claims;
    }

    public Task<LaunchResult> LaunchAsync(LoginSession session, string? idToken) =>
        LaunchAsync(new LaunchRequest(idToken, session.State, session.BrowserBinding));

    public Task<LaunchResult> LaunchAsync(LaunchRequest request) => Validator.ValidateAsync(request, Cancellation);

    /// <summary>Logs in, builds a valid resource-link token, lets <paramref name="mutate"/> change one thing, signs it with the primary key and launches.</summary>
    public async Task<LaunchResult> LaunchAsync(Action<Dictionary<string, object>>? mutate = null)
    {
        var session = await LoginAsync();
        var claims = ResourceLinkClaims(session);
        mutate?.Invoke(claims);
        return await LaunchAsync(session, IdToken.Sign(claims, TestKey.Primary));
    }

    /// <summary>Logs in and launches a raw token made from the session's valid claims.</summary>
    public async Task<LaunchResult> LaunchRawAsync(Func<LoginSession, Dictionary<string, object>, string> forge)
    {
        var session = await LoginAsync();
        return await LaunchAsync(session, forge(session, ResourceLinkClaims(session)));
    }

    public void Dispose() => _services.Dispose();
}

internal static class LaunchAssert
{
    public static LtiLaunch Succeeded(LaunchResult result)
    {
        Assert.True(result.Succeeded, $"launch failed at step '{result.FailedStep}': {result.Failure?.Code} — {result.Failure?.Description}");
        Assert.Null(result.Failure);
        return result.Launch!;
    }

    /// <summary>Asserts the reason code and HTTP status (literal values: they are a public contract).</summary>
    public static LaunchFailure Failed(LaunchResult result, string code, int statusCode)
    {
        Assert.False(result.Succeeded, $"expected {code} but the launch succeeded");
        Assert.Null(result.Launch);
        var failure = Assert.IsType<LaunchFailure>(result.Failure);
        Assert.Equal(code, failure.Code);
        Assert.Equal(statusCode, failure.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(failure.Description));
        return failure;
    }

    public static LaunchFailure Failed(LoginOutcome outcome, string code, int statusCode)
    {
        Assert.False(outcome.Succeeded, $"expected {code} but the login succeeded");
        Assert.Null(outcome.AuthorizationUrl);
        Assert.Null(outcome.State);
        var failure = Assert.IsType<LaunchFailure>(outcome.Failure);
        Assert.Equal(code, failure.Code);
        Assert.Equal(statusCode, failure.StatusCode);
        return failure;
    }
}
