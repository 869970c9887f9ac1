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

    /// <summary>
    /// The tool's dynamic registration URL for the development platform's "Register a tool" form. Null until the host
    /// has a registration secret to put in it; then the host fills it here.
    /// </summary>
    public Task<string?> GetToolRegistrationUrlAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
