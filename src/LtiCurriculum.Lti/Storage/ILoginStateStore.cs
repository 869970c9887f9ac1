namespace LtiCurriculum.Lti.Storage;

/// <summary>
/// What the tool remembers between login initiation and launch, server-side, keyed by the hash of
/// the state. The nonce lives here and nowhere else (LTI Security Framework §5.1.1.2).
/// </summary>
public sealed record LoginState(
    string StateHash,
    string Nonce,
    int PlatformId,
    string Issuer,
    string ClientId,
    string? DeploymentIdHint,
    string TargetLinkUri,
    string BrowserBindingHash,
    DateTimeOffset ExpiresAt);

/// <summary>Implemented by the host; must be shared by every instance of the tool (a database).</summary>
public interface ILoginStateStore
{
    ValueTask SaveAsync(LoginState state, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically removes and returns the state: of two concurrent callers with the same hash,
    /// at most one gets it. Returns null when unknown or already used.
    /// </summary>
    ValueTask<LoginState?> ConsumeAsync(string stateHash, CancellationToken cancellationToken);
}
