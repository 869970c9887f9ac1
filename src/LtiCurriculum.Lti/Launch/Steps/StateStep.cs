using LtiCurriculum.Lti.Storage;

namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>
/// [11, 13] The state came back, the browser that started the login proved it (the cookie, or the binding and nonce
/// read back from the platform's storage), and the state is known, unexpired and consumed now (single use, atomic
/// across instances).
/// </summary>
internal sealed class StateStep(ILoginStateStore store) : ILaunchStep
{
    public string Name => "state";

    public async ValueTask<LaunchFailure?> RunAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var state = context.Request.State;
        if (string.IsNullOrEmpty(state))
        {
            return LaunchFailures.StateMissing;
        }
        if (!OpaqueTokens.IsWellFormed(state))
        {
            return LaunchFailures.StateUnknown;
        }
        if (string.IsNullOrEmpty(context.Request.BrowserBinding))
        {
            return LaunchFailures.StateNotInBrowser;
        }

        var saved = await store.ConsumeAsync(OpaqueTokens.Hash(state), cancellationToken).ConfigureAwait(false);
        if (saved is null || saved.ExpiresAt <= context.Now)
        {
            return LaunchFailures.StateUnknown;
        }
        if (!OpaqueTokens.FixedTimeEquals(saved.BrowserBindingHash, OpaqueTokens.Hash(context.Request.BrowserBinding)))
        {
            return LaunchFailures.StateBrowserMismatch;
        }
        if (context.Request.PlatformStorageNonce is { } storedNonce && !OpaqueTokens.FixedTimeEquals(saved.Nonce, storedNonce))
        {
            return LaunchFailures.StateBrowserMismatch;
        }
        context.LoginState = saved;
        return null;
    }
}
