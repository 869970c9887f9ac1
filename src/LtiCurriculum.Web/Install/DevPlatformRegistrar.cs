using LtiCurriculum.DevPlatform;
using LtiCurriculum.Web.Install.Platforms;

namespace LtiCurriculum.Web.Install;

/// <summary>Registers the built-in development platform the way an admin would register a real LMS.</summary>
internal sealed class DevPlatformRegistrar(PlatformAdmin admin) : IDevPlatformRegistrar
{
    private readonly HashSet<DevPlatformRegistration> _done = [];
    private readonly Lock _gate = new();

    public async Task EnsureRegisteredAsync(DevPlatformRegistration registration, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_done.Contains(registration))
            {
                return;
            }
        }
        await admin.UpsertAsync(new PlatformSettings
        {
            Issuer = registration.Issuer,
            ClientId = registration.ClientId,
            AuthorizationEndpoint = registration.AuthorizationEndpoint,
            TokenEndpoint = registration.TokenEndpoint,
            JwksUri = registration.JwksUri,
            DeploymentIds = [registration.DeploymentId],
        }, "dev-platform", cancellationToken);
        lock (_gate)
        {
            _done.Add(registration);
        }
    }
}
