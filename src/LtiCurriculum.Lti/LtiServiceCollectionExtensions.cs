using LtiCurriculum.Lti.Keys;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Oidc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtiCurriculum.Lti;

public static class LtiServiceCollectionExtensions
{
    /// <summary>
    /// The protocol services. The host must also register <see cref="Storage.IPlatformRegistrationStore"/>,
    /// <see cref="Storage.ILoginStateStore"/> and <see cref="Storage.IToolKeyStore"/>.
    /// </summary>
    public static IServiceCollection AddLtiTool(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LtiToolOptions>()
            .Bind(configuration.GetSection(LtiToolOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddHttpClient(PlatformKeySetCache.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("LtiCurriculum/1.0");
        });
        services.AddSingleton<LaunchTelemetry>();
        services.AddSingleton<PlatformKeySetCache>();
        services.AddSingleton<OidcLoginService>();
        services.AddSingleton<LaunchValidator>();
        return services;
    }
}
