using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Implemented by the host: makes the tool know this platform (upserts it into the tool's registration store).
/// Called before every launch the platform starts; when none is registered in DI the call is skipped.
/// </summary>
public interface IDevPlatformRegistrar
{
    Task EnsureRegisteredAsync(DevPlatformRegistration registration, CancellationToken cancellationToken);

    /// <summary>
    /// The tool's dynamic registration URL (with whatever query it needs), to prefill the home page's "Register a tool"
    /// form; null when the host has none to offer.
    /// </summary>
    Task<string?> GetToolRegistrationUrlAsync(HttpRequest request, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
