namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Implemented by the host: makes the tool know this platform (upserts it into the tool's registration store).
/// Called before every launch the platform starts; when none is registered in DI the call is skipped.
/// </summary>
public interface IDevPlatformRegistrar
{
    Task EnsureRegisteredAsync(DevPlatformRegistration registration, CancellationToken cancellationToken);
}
