using System.Text;
using LtiCurriculum.Lti.Ags;
using LtiCurriculum.Lti.DeepLinking;
using LtiCurriculum.Lti.Keys;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Nrps;
using LtiCurriculum.Lti.Oidc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

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
        AddPlatformServiceClient(services, PlatformAccessTokens.HttpClientName, TimeSpan.FromSeconds(15));
        // Membership pages of a large course take longer to build and to read than a score or a line item.
        AddPlatformServiceClient(services, NrpsClient.HttpClientName, TimeSpan.FromSeconds(30));
        // A factory, so that IToolKeyStore is only needed once AGS is used (not at ValidateOnBuild).
        services.AddSingleton(sp => new PlatformAccessTokens(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<Storage.IToolKeyStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PlatformAccessTokens>>()));
        services.AddSingleton<AgsClient>();
        services.AddSingleton<NrpsClient>();
        services.AddSingleton<DeepLinkingResponseBuilder>();
        return services;
    }

    private static void AddPlatformServiceClient(IServiceCollection services, string name, TimeSpan timeout) =>
        services.AddHttpClient(name, client =>
            {
                client.Timeout = timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("LtiCurriculum/1.0");
            })
            // No redirects: the bearer token goes only where the platform's URL says. UTF-8 headers: Moodle's Link
            // header carries typographic quotes.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            });
}
