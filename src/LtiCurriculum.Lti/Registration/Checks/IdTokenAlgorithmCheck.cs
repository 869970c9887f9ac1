namespace LtiCurriculum.Lti.Registration.Checks;

/// <summary>When the platform lists its id_token algorithms, RS256 is one: the launch step accepts nothing else.</summary>
internal sealed class IdTokenAlgorithmCheck : IConfigurationCheck
{
    public string Name => "id_token_signing_alg_values_supported";

    public RegistrationFailure? Run(PlatformConfiguration configuration, ConfigurationCheckContext context) =>
        configuration.IdTokenSigningAlgValuesSupported is { } algorithms && !algorithms.Contains("RS256", StringComparer.Ordinal)
            ? RegistrationFailures.IdTokenAlgorithmUnsupported
            : null;
}
