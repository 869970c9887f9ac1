using LtiCurriculum.DevPlatform;
using LtiCurriculum.Web.Install.Platforms;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Install;

/// <summary>Registers the built-in development platform the way an admin would register a real LMS.</summary>
internal sealed class DevPlatformRegistrar(PlatformAdmin admin, Registration.RegistrationSecret secret, Microsoft.Extensions.Options.IOptions<Launch.ToolOptions> tool) : IDevPlatformRegistrar
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
        var settings = new PlatformSettings
        {
            Issuer = registration.Issuer,
            ClientId = registration.ClientId,
            AuthorizationEndpoint = registration.AuthorizationEndpoint,
            TokenEndpoint = registration.TokenEndpoint,
            JwksUri = registration.JwksUri,
            DeploymentIds = [registration.DeploymentId],
        };
        try
        {
            await admin.UpsertAsync(settings, "dev-platform", cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Concurrent first launches raced to insert the same platform (a unique index on a server database; SQLite
            // queues its writers instead): the winner's row exists now, so this upsert updates it.
            await admin.UpsertAsync(settings, "dev-platform", cancellationToken);
        }
        lock (_gate)
        {
            _done.Add(registration);
        }
    }

    /// <summary>
    /// The tool's dynamic registration URL, secret included, for the development platform's "Register a tool" form:
    /// the development platform only runs where the person at the keyboard is the tool's administrator.
    /// </summary>
    public async Task<string?> GetToolRegistrationUrlAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Registration.RegistrationSecret.RegistrationUrl(Launch.ToolUrls.BaseUrl(request, tool.Value), await secret.GetOrCreateAsync("dev-platform", cancellationToken));
}
