using LtiCurriculum.Lti.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Lti.Tests.Registration;

/// <summary>The registration client wired as a host wires it (<c>AddLtiRegistrationClient</c>), with real sockets.</summary>
internal sealed class RegistrationClientHost : IDisposable
{
    private readonly ServiceProvider _services;

    public RegistrationClientHost(bool allowInsecureLoopback = true, string timeout = "00:00:05")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registration:AllowInsecureLoopback"] = allowInsecureLoopback ? "true" : "false",
            ["Registration:ConfigurationTimeout"] = timeout,
            ["Registration:RegistrationTimeout"] = timeout,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLtiRegistrationClient(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public RegistrationClient Client => _services.GetRequiredService<RegistrationClient>();

    public void Dispose() => _services.Dispose();
}
