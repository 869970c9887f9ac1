using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Lti.Registration;

public static class RegistrationServiceCollectionExtensions
{
    /// <summary>The dynamic registration client and its settings (section <c>Registration</c>).</summary>
    public static IServiceCollection AddLtiRegistrationClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistrationOptions>()
            .Bind(configuration.GetSection(RegistrationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<RegistrationClient>(RegistrationClient.HttpClientName, client =>
            {
                // Each call sets its own deadline (RegistrationOptions); the client-wide one is only a backstop.
                client.Timeout = TimeSpan.FromMinutes(2);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("LtiCurriculum/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var settings = sp.GetRequiredService<IOptionsMonitor<RegistrationOptions>>();
                return new SocketsHttpHandler
                {
                    // A redirect would send the registration token somewhere the platform's document did not name.
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    UseProxy = false,
                    AutomaticDecompression = DecompressionMethods.None,
                    ConnectTimeout = TimeSpan.FromSeconds(10),
                    ConnectCallback = (context, cancellationToken) =>
                        GuardedConnection.ConnectAsync(context, settings.CurrentValue.AllowInsecureLoopback, cancellationToken),
                };
            });
        return services;
    }
}
