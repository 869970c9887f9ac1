using System.Collections.Concurrent;
using LtiCurriculum.Lti.Storage;

namespace LtiCurriculum.Lti.Tests.Harness;

/// <summary>Login states in memory. ConsumeAsync is atomic (TryRemove), as the interface demands.</summary>
internal sealed class InMemoryLoginStateStore : ILoginStateStore
{
    private readonly ConcurrentDictionary<string, LoginState> _states = new(StringComparer.Ordinal);

    public int Count => _states.Count;

    public IReadOnlyCollection<LoginState> Saved => [.. _states.Values];

    public ValueTask SaveAsync(LoginState state, CancellationToken cancellationToken)
    {
        _states[state.StateHash] = state;
        return ValueTask.CompletedTask;
    }

    public ValueTask<LoginState?> ConsumeAsync(string stateHash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_states.TryRemove(stateHash, out var state) ? state : null);
}

internal sealed class InMemoryPlatformRegistrationStore : IPlatformRegistrationStore
{
    private readonly ConcurrentDictionary<int, PlatformRegistration> _registrations = new();

    public void Add(PlatformRegistration registration) => _registrations[registration.Id] = registration;

    public void Remove(int id) => _registrations.TryRemove(id, out _);

    public ValueTask<IReadOnlyList<PlatformRegistration>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PlatformRegistration>>(
            [.. _registrations.Values.Where(r => string.Equals(r.Issuer, issuer, StringComparison.Ordinal)).OrderBy(r => r.Id)]);
}
