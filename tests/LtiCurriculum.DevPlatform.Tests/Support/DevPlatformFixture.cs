namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>One running platform shared by the tests of a class (they run one after another).</summary>
public sealed class DevPlatformFixture : IAsyncLifetime
{
    private DevPlatformHost? host;

    internal DevPlatformHost Host => host ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync() => host = await DevPlatformHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
