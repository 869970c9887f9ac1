using LtiCurriculum.Lti.Registration;
using LtiCurriculum.Web.Install.Profile;

namespace LtiCurriculum.Web.Install.Registration;

/// <summary>The registration request's description of the tool, taken from the one <see cref="ToolProfile"/>.</summary>
internal static class ToolRegistrationFactory
{
    public static ToolRegistration From(ToolProfile profile) => new(
        ClientName: profile.Name,
        Description: profile.Description,
        Domain: profile.Domain,
        TargetLinkUri: profile.TargetLinkUri,
        InitiateLoginUri: profile.LoginUri,
        RedirectUris: profile.RedirectUris,
        JwksUri: profile.JwksUri,
        LogoUri: profile.LogoUri,
        Scopes: profile.Scopes,
        Claims: profile.Claims,
        Messages: [.. profile.Messages.Select(m => new ToolRegistrationMessage(m.Type, m.TargetLinkUri, m.Label, m.Placements))],
        PrivacyLevel: profile.PrivacyLevel);
}
