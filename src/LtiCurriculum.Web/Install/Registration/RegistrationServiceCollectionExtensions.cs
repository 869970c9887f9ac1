using LtiCurriculum.Lti.Registration;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Data.Stores;

namespace LtiCurriculum.Web.Install.Registration;

public static class DynamicRegistrationServiceCollectionExtensions
{
    /// <summary>LTI Dynamic Registration: the client (section <c>Registration</c>), the pending store, and deployments added at launch.</summary>
    public static IServiceCollection AddDynamicRegistration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLtiRegistrationClient(configuration);
        services.AddSingleton<PendingRegistrations>();
        services.AddSingleton<RegistrationCompletion>();
        services.AddSingleton<IDeploymentRegistrar, DbDeploymentRegistrar>();
        services.AddHostedService<InsecureRegistrationWarning>();
        return services;
    }
}
