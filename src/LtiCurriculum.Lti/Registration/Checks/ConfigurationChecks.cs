namespace LtiCurriculum.Lti.Registration.Checks;

/// <summary>The checks in order; the first that fails decides the reason.</summary>
internal static class ConfigurationChecks
{
    private static readonly IConfigurationCheck[] All =
    [
        new IssuerCheck(),
        new EndpointsCheck(),
        new TokenAuthMethodCheck(),
        new IdTokenAlgorithmCheck(),
    ];

    public static IEnumerable<string> Names => All.Select(c => c.Name);

    public static RegistrationFailure? Run(PlatformConfiguration configuration, ConfigurationCheckContext context) =>
        All.Select(check => check.Run(configuration, context)).FirstOrDefault(failure => failure is not null);
}
