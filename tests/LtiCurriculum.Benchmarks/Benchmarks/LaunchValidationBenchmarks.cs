using System.Text;
using BenchmarkDotNet.Attributes;
using LtiCurriculum.Lti;
using LtiCurriculum.Lti.Keys;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Storage;
using Microsoft.IdentityModel.Tokens;

namespace LtiCurriculum.Benchmarks.Benchmarks;

/// <summary>
/// <see cref="LaunchValidator.ValidateAsync"/> end to end (all 15 steps) with in-memory stores and a warmed key
/// set cache. The state step consumes the login state, so every operation first saves it again: what is
/// measured is one in-memory dictionary insert (tens of ns) plus the whole validation. All states carry the
/// same nonce, so one token signed at setup serves every operation (the clock is frozen at its iat).
/// </summary>
[MemoryDiagnoser]
public class LaunchValidationBenchmarks
{
    private const string State = "bench-state-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private const string Binding = "bench-binding-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
    private const string Nonce = "bench-nonce-CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";

    private readonly InMemoryLoginStateStore _store = new();
    private InMemoryPlatform _platform = null!;
    private LaunchValidator _validator = null!;
    private LoginState _loginState = null!;
    private LaunchRequest _valid = null!;
    private LaunchRequest _algNone = null!;
    private LaunchRequest _badSignature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _platform = new InMemoryPlatform(_store);
        _validator = _platform.Validator;
        _loginState = _platform.StateFor(State, Nonce, Binding);

        var lookup = _platform.KeySets.FindAsync(InMemoryPlatform.JwksUri, _platform.Key.KeyId, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (lookup.Status != PlatformKeyStatus.Found)
        {
            throw new InvalidOperationException($"Key set cache not warmed: {lookup.Status}.");
        }

        var token = _platform.Tokens.Build(_platform.LaunchFor(Nonce));
        var parts = token.Split('.');
        var unsignedHeader = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes($$"""{"alg":"none","typ":"JWT","kid":"{{_platform.Key.KeyId}}"}"""));
        var flipped = (parts[2][0] == 'A' ? 'B' : 'A') + parts[2][1..];

        _valid = new LaunchRequest(token, State, Binding);
        _algNone = new LaunchRequest($"{unsignedHeader}.{parts[1]}.", State, Binding);
        _badSignature = new LaunchRequest($"{parts[0]}.{parts[1]}.{flipped}", State, Binding);

        Expect(ValidLaunch(), null);
        Expect(AlgNone(), "token-format");
        Expect(BadSignature(), "signature");
        Expect(ReplayedState(), "state");
    }

    [GlobalCleanup]
    public void Cleanup() => _platform.Dispose();

    [Benchmark(Baseline = true, Description = "valid launch (15 steps, RS256 verify)")]
    public Task<LaunchResult> ValidLaunch()
    {
        _store.SaveAsync(_loginState, CancellationToken.None).GetAwaiter().GetResult();
        return _validator.ValidateAsync(_valid, CancellationToken.None);
    }

    [Benchmark(Description = "alg none, unsigned (refused at token-format)")]
    public Task<LaunchResult> AlgNone()
    {
        _store.SaveAsync(_loginState, CancellationToken.None).GetAwaiter().GetResult();
        return _validator.ValidateAsync(_algNone, CancellationToken.None);
    }

    [Benchmark(Description = "bad signature (refused at signature)")]
    public Task<LaunchResult> BadSignature()
    {
        _store.SaveAsync(_loginState, CancellationToken.None).GetAwaiter().GetResult();
        return _validator.ValidateAsync(_badSignature, CancellationToken.None);
    }

    [Benchmark(Description = "replayed state (refused at state)")]
    public Task<LaunchResult> ReplayedState() => _validator.ValidateAsync(_valid, CancellationToken.None);

    private static void Expect(Task<LaunchResult> run, string? failedStep)
    {
        var result = run.GetAwaiter().GetResult();
        if (result.FailedStep != failedStep)
        {
            throw new InvalidOperationException($"Expected {(failedStep is null ? "success" : $"failure at {failedStep}")}, got {result.FailedStep ?? "success"} ({result.Failure?.Code}).");
        }
    }
}
