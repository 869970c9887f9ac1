namespace LtiCurriculum.Lti.Registration;

/// <summary>What the tool tells a platform about itself when it registers (the host builds it from its own profile).</summary>
public sealed record ToolRegistration(
    string ClientName,
    string Description,
    string Domain,
    string TargetLinkUri,
    string InitiateLoginUri,
    IReadOnlyList<string> RedirectUris,
    string JwksUri,
    string LogoUri,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Claims,
    IReadOnlyList<ToolRegistrationMessage> Messages,
    string PrivacyLevel);

/// <param name="Placements">Canvas placement names (<c>link_selection</c>, <c>course_navigation</c>…).</param>
public sealed record ToolRegistrationMessage(string Type, string TargetLinkUri, string Label, IReadOnlyList<string> Placements);
