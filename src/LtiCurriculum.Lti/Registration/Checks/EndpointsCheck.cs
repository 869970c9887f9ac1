namespace LtiCurriculum.Lti.Registration.Checks;

/// <summary>The four endpoints the tool stores or calls are present and absolute https (http only for allowed loopback).</summary>
internal sealed class EndpointsCheck : IConfigurationCheck
{
    public string Name => "endpoints";

    public RegistrationFailure? Run(PlatformConfiguration configuration, ConfigurationCheckContext context)
    {
        foreach (var (field, value) in new[]
        {
            ("authorization_endpoint", configuration.AuthorizationEndpoint),
            ("token_endpoint", configuration.TokenEndpoint),
            ("jwks_uri", configuration.JwksUri),
            ("registration_endpoint", configuration.RegistrationEndpoint),
        })
        {
            if (!RegistrationUrls.IsAcceptable(value, context.AllowInsecureLoopback, out _))
            {
                return RegistrationFailures.EndpointInvalid.WithDetail($"({field})");
            }
        }
        return null;
    }
}
