namespace LtiCurriculum.Lti.Registration.Checks;

/// <summary>When the platform lists its token endpoint's authentication methods, private_key_jwt is one (LTI Dynamic Registration 1.0 §3.4).</summary>
internal sealed class TokenAuthMethodCheck : IConfigurationCheck
{
    public string Name => "token_endpoint_auth_methods_supported";

    public RegistrationFailure? Run(PlatformConfiguration configuration, ConfigurationCheckContext context) =>
        configuration.TokenEndpointAuthMethodsSupported is { } methods && !methods.Contains("private_key_jwt", StringComparer.Ordinal)
            ? RegistrationFailures.TokenAuthMethodUnsupported
            : null;
}
