using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Storage;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Lti.Oidc;

/// <summary>
/// Answers a login initiation with the authentication request (Security Framework §5.1.1.2): picks the
/// registration, checks the target is this tool, remembers state and nonce server-side and builds the
/// redirect to the platform's authorization endpoint.
/// </summary>
public sealed class OidcLoginService(
    IPlatformRegistrationStore registrations,
    ILoginStateStore loginStates,
    IOptionsMonitor<LtiToolOptions> options,
    TimeProvider time,
    LaunchTelemetry telemetry)
{
    private const int MaxParameterLength = 4096;

    /// <param name="redirectUri">This tool's launch URL exactly as registered with platforms.</param>
    public async Task<LoginOutcome> StartAsync(LoginInitiation login, Uri redirectUri, CancellationToken cancellationToken)
    {
        using var activity = telemetry.StartLogin();
        var outcome = await BuildAsync(login, redirectUri, cancellationToken).ConfigureAwait(false);
        if (outcome.Failure is { } failure)
        {
            telemetry.LoginRejected(failure, login.Issuer);
        }
        return outcome;
    }

    private async Task<LoginOutcome> BuildAsync(LoginInitiation login, Uri redirectUri, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in new[] { ("iss", login.Issuer), ("login_hint", login.LoginHint), ("target_link_uri", login.TargetLinkUri) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return LoginOutcome.Fail(LaunchFailures.LoginParameterMissing.WithDetail($"Missing: {name}."));
            }
        }
        foreach (var (name, value) in new[] { ("iss", login.Issuer), ("login_hint", login.LoginHint), ("target_link_uri", login.TargetLinkUri), ("lti_message_hint", login.LtiMessageHint), ("client_id", login.ClientId), ("lti_deployment_id", login.LtiDeploymentId) })
        {
            if (value?.Length > MaxParameterLength)
            {
                return LoginOutcome.Fail(LaunchFailures.LoginParameterMissing with { Code = "login_parameter_too_long", Description = $"The parameter {name} is longer than {MaxParameterLength} characters." });
            }
        }

        if (!Uri.TryCreate(login.TargetLinkUri, UriKind.Absolute, out var target)
            || !string.Equals(target.GetLeftPart(UriPartial.Authority), redirectUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return LoginOutcome.Fail(LaunchFailures.LoginTargetLinkUriForeign.WithDetail($"It must start with {redirectUri.GetLeftPart(UriPartial.Authority)}."));
        }

        var candidates = await registrations.FindByIssuerAsync(login.Issuer!, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(login.ClientId))
        {
            candidates = [.. candidates.Where(r => r.ClientId == login.ClientId)];
        }
        if (candidates.Count == 0)
        {
            return LoginOutcome.Fail(LaunchFailures.LoginPlatformUnknown);
        }
        if (candidates.Count > 1)
        {
            return LoginOutcome.Fail(LaunchFailures.LoginPlatformAmbiguous);
        }
        var registration = candidates[0];
        if (registration.IsDisabled)
        {
            return LoginOutcome.Fail(LaunchFailures.PlatformDisabled);
        }

        // A deployment that may be added is checked (and added) at launch, once the platform's signature is verified.
        if (!string.IsNullOrEmpty(login.LtiDeploymentId) && !registration.HasDeployment(login.LtiDeploymentId) && !options.CurrentValue.MayAddDeployment(registration))
        {
            return LoginOutcome.Fail(LaunchFailures.LoginDeploymentUnknown.WithDetail(LaunchFailures.AddDeploymentHint(registration, login.LtiDeploymentId)));
        }

        var (state, nonce, binding) = OpaqueTokens.NewTokens();
        var expiresAt = time.GetUtcNow() + options.CurrentValue.LoginStateLifetime;
        await loginStates.SaveAsync(
            new LoginState(OpaqueTokens.Hash(state), nonce, registration.Id, registration.Issuer, registration.ClientId,
                string.IsNullOrEmpty(login.LtiDeploymentId) ? null : login.LtiDeploymentId, login.TargetLinkUri!, OpaqueTokens.Hash(binding), expiresAt),
            cancellationToken).ConfigureAwait(false);

        var url = AuthenticationRequest.BuildUrl(registration, redirectUri, login, state, nonce);
        return new LoginOutcome(url, state, binding, expiresAt, null)
        {
            Nonce = nonce,
            PlatformStorage = PlatformStorage.For(registration, state, login.LtiStorageTarget),
        };
    }
}
