using LtiCurriculum.Lti.Storage;

namespace LtiCurriculum.Lti.Launch.Steps;

/// <summary>The registration chosen at login still exists and is not disabled; its keys and deployments are what the rest checks against.</summary>
internal sealed class RegistrationStep(IPlatformRegistrationStore registrations) : ILaunchStep
{
    public string Name => "registration";

    public async ValueTask<LaunchFailure?> RunAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var state = context.State;
        var found = await registrations.FindByIssuerAsync(state.Issuer, cancellationToken).ConfigureAwait(false);
        context.Registration = found.FirstOrDefault(r => r.Id == state.PlatformId && r.ClientId == state.ClientId);
        return context.Registration switch
        {
            null => LaunchFailures.LoginPlatformUnknown,
            // Disabled between login and launch: the launch is refused too.
            { IsDisabled: true } => LaunchFailures.PlatformDisabled,
            _ => null,
        };
    }
}
