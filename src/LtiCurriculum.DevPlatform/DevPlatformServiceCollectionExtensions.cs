using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

public static class DevPlatformServiceCollectionExtensions
{
    /// <summary>
    /// Registers the development platform: options bound from <paramref name="section"/> (the <c>DevPlatform</c>
    /// section) and checked at start, its key, id_token builder, pending launches and demo directory.
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
        services.TryAddSingleton(provider => new PendingLaunchStore(provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
