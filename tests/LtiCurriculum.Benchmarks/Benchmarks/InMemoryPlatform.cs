using System.Collections.Concurrent;
using System.Net;
using System.Text;
using LtiCurriculum.DevPlatform;
using LtiCurriculum.Lti;
using LtiCurriculum.Lti.Keys;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Oidc;
using LtiCurriculum.Lti.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LtiCurriculum.Benchmarks.Benchmarks;

/// <summary>
/// The protocol library wired as a host wires it (<c>AddLtiTool</c>), with in-memory stores, a fake JWKS
/// endpoint and a clock frozen at <see cref="Now"/> (so a token signed once stays valid for the whole run).
/// </summary>
internal sealed class InMemoryPlatform : IDisposable
{
    public const string Issuer = "https://bench-platform.test";
    public const string ClientId = "bench-client";
    public const string DeploymentId = "bench-deployment";
    public const string JwksUri = "https://bench-platform.test/jwks";
    public static readonly Uri RedirectUri = new("https://tool.test/lti/launch");
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public InMemoryPlatform(ILoginStateStore loginStates)
    {
        var registrations = new SingleRegistrationStore(new PlatformRegistration(
            1, Issuer, ClientId, "https://bench-platform.test/authorize", "https://bench-platform.test/token", JwksUri,
            new HashSet<string>(StringComparer.Ordinal) { DeploymentId }));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLtiTool(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
        services.Replace(ServiceDescriptor.Singleton<IHttpClientFactory>(new JwksHttpClientFactory(Key.JwksJson)));
        services.AddSingleton(loginStates);
        services.AddSingleton<IPlatformRegistrationStore>(registrations);
        _services = services.BuildServiceProvider();
        Tokens = new IdTokenBuilder(Key, Time);
    }

    public FakeTimeProvider Time { get; } = new(Now);
    public DevPlatformKey Key { get; } = new();
    public IdTokenBuilder Tokens { get; }
    public LaunchValidator Validator => _services.GetRequiredService<LaunchValidator>();
    public OidcLoginService Login => _services.GetRequiredService<OidcLoginService>();
    public PlatformKeySetCache KeySets => _services.GetRequiredService<PlatformKeySetCache>();

    /// <summary>A resource-link launch as a learner in a course, like most real launches.</summary>
    public DevLaunch LaunchFor(string nonce) => new()
    {
        Issuer = Issuer,
        ClientId = ClientId,
        DeploymentId = DeploymentId,
        Nonce = nonce,
        Subject = "bench-user-0042",
        Roles = [LtiRoles.Learner],
        TargetLinkUri = RedirectUri.AbsoluteUri,
        ResourceLinkId = "bench-link-1",
        ResourceLinkTitle = "Cardiac physiology pre-work",
        ContextId = "bench-course-1",
        ContextLabel = "MED101",
        ContextTitle = "Foundations of Medicine",
        Name = "Bench User 42",
        GivenName = "Bench",
        FamilyName = "User 42",
        Email = "bench42@example.edu",
        ReturnUrl = "https://bench-platform.test/courses/1",
    };

    public LoginState StateFor(string state, string nonce, string binding) => new(
        OpaqueTokens.Hash(state), nonce, 1, Issuer, ClientId, DeploymentId, RedirectUri.AbsoluteUri,
        OpaqueTokens.Hash(binding), Now.AddHours(1));

    public void Dispose()
    {
        _services.Dispose();
        Key.Dispose();
    }

    private sealed class SingleRegistrationStore(PlatformRegistration registration) : IPlatformRegistrationStore
    {
        private readonly IReadOnlyList<PlatformRegistration> _found = [registration];

        public ValueTask<IReadOnlyList<PlatformRegistration>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken) =>
            ValueTask.FromResult(issuer == registration.Issuer ? _found : []);
    }

    private sealed class JwksHttpClientFactory(string json) : IHttpClientFactory
    {
        private readonly JwksHandler _handler = new(json);

        public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false);
    }

    private sealed class JwksHandler(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}

/// <summary>Login states in memory; ConsumeAsync removes atomically, as the interface demands.</summary>
internal sealed class InMemoryLoginStateStore : ILoginStateStore
{
    private readonly ConcurrentDictionary<string, LoginState> _states = new(StringComparer.Ordinal);

    public LoginState? Last { get; private set; }

    /// <summary>When false, saving keeps only <see cref="Last"/> (a sink), so a benchmark of millions of logins does not grow a dictionary.</summary>
    public bool Keep { get; init; } = true;

    public ValueTask SaveAsync(LoginState state, CancellationToken cancellationToken)
    {
        Last = state;
        if (Keep)
        {
            _states[state.StateHash] = state;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<LoginState?> ConsumeAsync(string stateHash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_states.TryRemove(stateHash, out var state) ? state : null);
}
