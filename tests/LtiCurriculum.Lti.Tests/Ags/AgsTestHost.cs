using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Lti.Tests.Harness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>
/// The AGS client wired as a host wires it (<c>AddLtiTool</c>), with a fake clock, a fake platform, an in-memory
/// tool key store and a log sink. The token endpoint issues access-1, access-2, ... valid for an hour.
/// </summary>
internal sealed class AgsTestHost : IDisposable
{
    public const string TokenUrl = "https://lms.example/login/oauth2/token";
    public const string ClientId = "10000000000042";
    public const string ContainerUrl = "https://lms.example/api/lti/courses/7/line_items";
    public const string LineItemUrl = "https://lms.example/api/lti/courses/7/line_items/31";
    public const string CurrentKeyId = "tool-key-2";
    public const string RetiredKeyId = "tool-key-1";
    public const string NrpsScope = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    // Literal scope URIs, so that a typo in AgsScopes fails the tests.
    public const string LineItemScope = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public const string LineItemReadOnlyScope = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public const string ResultScope = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    public const string ScoreScope = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly AgsPlatform Platform = new(1, ClientId, TokenUrl);

    private readonly ServiceProvider _services;
    private int _issued;

    public AgsTestHost()
    {
        ToolKeys.Keys = [Tool(TestKey.Rotated, RetiredKeyId, current: false), Tool(TestKey.Primary, CurrentKeyId, current: true)];
        Lms.Post(TokenUrl, _ => Respond.Token($"access-{Interlocked.Increment(ref _issued)}", 3600));

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddLtiTool(new ConfigurationBuilder().Build());
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
        services.Replace(ServiceDescriptor.Singleton<IHttpClientFactory>(new FakeAgsHttpClientFactory(Lms)));
        services.AddSingleton<IToolKeyStore>(ToolKeys);
        services.AddSingleton<ILoginStateStore>(new InMemoryLoginStateStore());
        services.AddSingleton<IPlatformRegistrationStore>(new InMemoryPlatformRegistrationStore());
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public FakePlatform Lms { get; } = new();
    public LogSink Logs { get; } = new();
    public InMemoryToolKeyStore ToolKeys { get; } = new();
    public PlatformAccessTokens Tokens => _services.GetRequiredService<PlatformAccessTokens>();
    public AgsClient Client => _services.GetRequiredService<AgsClient>();
    public Lti.Nrps.NrpsClient Nrps => _services.GetRequiredService<Lti.Nrps.NrpsClient>();
    public CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public IReadOnlyList<SentRequest> TokenRequests => Lms.To(TokenUrl);

    /// <summary>Every AGS scope plus NRPS, as a typical instructor launch grants.</summary>
    public static AgsAccess Access(params string[] scopes) =>
        new(Platform, scopes.Length > 0 ? scopes : [ScoreScope, LineItemScope, NrpsScope, ResultScope, LineItemReadOnlyScope]);

    public static ToolKey Tool(TestKey key, string keyId, bool current) =>
        new(keyId, ((RsaSecurityKey)key.Credentials().Key).Parameters, Start.AddDays(-30), current);

    /// <summary>The token endpoint answers <paramref name="responses"/> in turn from now on.</summary>
    public void TokenEndpoint(params Func<SentRequest, HttpResponseMessage>[] responses) => Lms.Post(TokenUrl, responses);

    public ValueTask<string> TokenAsync(params string[] scopes) =>
        Tokens.GetAsync(Platform, scopes.Length > 0 ? scopes : [ScoreScope], Cancellation);

    public void Dispose() => _services.Dispose();

    internal sealed class InMemoryToolKeyStore : IToolKeyStore
    {
        public IReadOnlyList<ToolKey> Keys { get; set; } = [];

        public ValueTask<IReadOnlyList<ToolKey>> GetPublishedKeysAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Keys);
    }
}

internal static class AgsAssert
{
    public static async Task<AgsException> FailsAsync(Func<Task> call, bool transient, int? status)
    {
        var failure = await Assert.ThrowsAsync<AgsException>(call);
        Assert.Equal(transient, failure.IsTransient);
        Assert.Equal(status, failure.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(failure.Message));
        return failure;
    }
}
