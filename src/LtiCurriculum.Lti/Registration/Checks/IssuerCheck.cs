namespace LtiCurriculum.Lti.Registration.Checks;

/// <summary>
/// LTI Dynamic Registration 1.0 §3.5.1: the issuer is on the same site as the configuration URL, so a document
/// served from one host cannot claim another platform's issuer.
/// </summary>
internal sealed class IssuerCheck : IConfigurationCheck
{
    public string Name => "issuer";

    public RegistrationFailure? Run(PlatformConfiguration configuration, ConfigurationCheckContext context)
    {
        if (string.IsNullOrWhiteSpace(configuration.Issuer))
        {
            return RegistrationFailures.IssuerMissing;
        }
        // 512: the longest issuer the tool stores (the unique issuer + client id key stays within SQL Server's index limit).
        if (configuration.Issuer.Length > 512 || !RegistrationUrls.IsAcceptable(configuration.Issuer, context.AllowInsecureLoopback, out var issuer))
        {
            return RegistrationFailures.EndpointInvalid.WithDetail("(issuer)");
        }
        var expected = RegistrationUrls.Origin(context.ConfigurationUrl);
        return RegistrationUrls.Origin(issuer!) == expected
            ? null
            : RegistrationFailures.IssuerOriginMismatch.WithDetail($"The issuer is {issuer!.GetLeftPart(UriPartial.Authority)}; the configuration came from {expected}.");
    }
}
