namespace LtiCurriculum.Lti.Registration.Checks;

/// <summary>One rule the platform's OpenID configuration must meet; returns the reason it failed, or null.</summary>
internal interface IConfigurationCheck
{
    string Name { get; }

    RegistrationFailure? Run(PlatformConfiguration configuration, ConfigurationCheckContext context);
}

/// <summary>What the checks compare the document with.</summary>
internal sealed record ConfigurationCheckContext(Uri ConfigurationUrl, bool AllowInsecureLoopback);
