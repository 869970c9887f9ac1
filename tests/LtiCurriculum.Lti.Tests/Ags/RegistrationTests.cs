using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LtiCurriculum.Lti.Tests.Ags;

/// <summary>AddLtiTool wires the AGS client for the host.</summary>
public sealed class RegistrationTests
{
    internal static ServiceProvider Build(bool withToolKeys)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLtiTool(new ConfigurationBuilder().Build());
        services.AddSingleton<ILoginStateStore>(new Harness.InMemoryLoginStateStore());
        services.AddSingleton<IPlatformRegistrationStore>(new Harness.InMemoryPlatformRegistrationStore());
        if (withToolKeys)
        {
            services.AddSingleton<IToolKeyStore>(new AgsTestHost.InMemoryToolKeyStore());
        }
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    [Fact]
    public void Ags_client_and_tokens_are_singletons()
    {
        using var provider = Build(withToolKeys: true);

        Assert.Same(provider.GetRequiredService<AgsClient>(), provider.GetRequiredService<AgsClient>());
        Assert.Same(provider.GetRequiredService<PlatformAccessTokens>(), provider.GetRequiredService<PlatformAccessTokens>());
    }

    [Fact]
    public void Named_http_client_has_a_timeout_and_user_agent()
    {
        using var provider = Build(withToolKeys: true);

        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(PlatformAccessTokens.HttpClientName);

        Assert.Equal("lti-ags", PlatformAccessTokens.HttpClientName);
        Assert.Equal(TimeSpan.FromSeconds(15), client.Timeout);
        Assert.Equal("LtiCurriculum/1.0", client.DefaultRequestHeaders.UserAgent.ToString());
    }

    [Fact]
    public void A_host_without_a_tool_key_store_still_starts()
    {
        using var provider = Build(withToolKeys: false);

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<AgsClient>());
    }
}
