using BenchmarkDotNet.Attributes;
using LtiCurriculum.Lti.Oidc;

namespace LtiCurriculum.Benchmarks.Benchmarks;

/// <summary>
/// <see cref="OidcLoginService.StartAsync"/>: checks the initiation, finds the registration (in memory), makes
/// state, nonce and browser binding (3 × 32 random bytes, 2 SHA-256) and builds the authorization URL. The
/// store keeps only the last state (a sink), so millions of operations do not grow a dictionary.
/// </summary>
[MemoryDiagnoser]
public class OidcLoginBenchmarks
{
    private readonly InMemoryLoginStateStore _store = new() { Keep = false };
    private InMemoryPlatform _platform = null!;
    private OidcLoginService _login = null!;
    private LoginInitiation _initiation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _platform = new InMemoryPlatform(_store);
        _login = _platform.Login;
        _initiation = new LoginInitiation(
            InMemoryPlatform.Issuer, "bench-user-0042", InMemoryPlatform.RedirectUri.AbsoluteUri, "message-hint-1",
            InMemoryPlatform.ClientId, InMemoryPlatform.DeploymentId, null);
        var outcome = StartLogin().GetAwaiter().GetResult();
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Login refused: {outcome.Failure!.Code}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _platform.Dispose();

    [Benchmark(Description = "login initiation (state, nonce, redirect URL)")]
    public Task<LoginOutcome> StartLogin() => _login.StartAsync(_initiation, InMemoryPlatform.RedirectUri, CancellationToken.None);
}
