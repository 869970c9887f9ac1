using System.Collections.Concurrent;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>Stands in for the host: remembers every registration the platform asked for.</summary>
internal sealed class RecordingRegistrar : IDevPlatformRegistrar
{
    private readonly ConcurrentQueue<DevPlatformRegistration> registrations = new();

    public IReadOnlyCollection<DevPlatformRegistration> Registrations => registrations;

    public Task EnsureRegisteredAsync(DevPlatformRegistration registration, CancellationToken cancellationToken)
    {
        registrations.Enqueue(registration);
        return Task.CompletedTask;
    }
}
