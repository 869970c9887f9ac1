using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

public static class DevPlatformServiceCollectionExtensions
{
    /// <summary>
    /// Registers the development platform: options bound from <paramref name="section"/> (the <c>DevPlatform</c>
    /// section) and checked at start, its key, id_token builder, pending launches, demo directory and the links deep
    /// linking makes, the in-memory gradebook with its token endpoint and fault rules, and the NRPS switch.
    /// Uses the <see cref="TimeProvider"/> already registered, or the system clock.
    /// </summary>
    public static IServiceCollection AddDevPlatform(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<DevPlatformOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DevPlatformOptions>, DevPlatformOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DevPlatformKey>();
        services.TryAddSingleton<IdTokenBuilder>();
        services.TryAddSingleton<DemoDirectory>();
        services.TryAddSingleton<CourseLinks>();
        services.TryAddSingleton<DeepLinkingRequests>();
        services.TryAddSingleton<DeepLinkingResponseVerifier>();
        services.TryAddSingleton<NrpsSwitch>();
        services.TryAddSingleton<RegistrationTokens>();
        services.TryAddSingleton<DynamicRegistrations>();
        services.TryAddSingleton<ToolClients>();
        services.TryAddSingleton(provider => new PendingLaunchStore(provider.GetRequiredService<TimeProvider>()));
        AddGradebook(services);
        return services;
    }

    private static void AddGradebook(IServiceCollection services)
    {
        services.AddHttpClient(ToolJwksCache.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, LinkHeaderEncoding>());
        services.TryAddSingleton<GradebookStyleState>();
        services.TryAddSingleton<GradebookCounters>();
        services.TryAddSingleton<LineItemStore>();
        services.TryAddSingleton<ResultStore>();
        services.TryAddSingleton<ScoreLog>();
        services.TryAddSingleton<AgsLaunchClaims>();
        services.TryAddSingleton<AccessTokenStore>();
        services.TryAddSingleton<UsedAssertionIds>();
        services.TryAddSingleton<ToolJwksCache>();
        services.TryAddSingleton<ClientAssertionVerifier>();
        services.TryAddSingleton<AgsGate>();
        services.TryAddSingleton<FaultRules>();
    }
}
