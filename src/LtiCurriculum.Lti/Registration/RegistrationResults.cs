namespace LtiCurriculum.Lti.Registration;

/// <summary>The platform's OpenID configuration as fetched and checked: the parsed parts and the document itself, or why not.</summary>
public sealed record FetchedConfiguration(PlatformConfiguration? Configuration, string? Json, RegistrationFailure? Failure)
{
    public static FetchedConfiguration Fail(RegistrationFailure failure) => new(null, null, failure);
}

/// <summary>The platform's answer to the registration request, or why there is none.</summary>
public sealed record RegistrationOutcome(ClientRegistrationResponse? Response, RegistrationFailure? Failure)
{
    public static RegistrationOutcome Fail(RegistrationFailure failure) => new(null, failure);
}
