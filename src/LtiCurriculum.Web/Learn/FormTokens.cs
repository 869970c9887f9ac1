using System.Security.Cryptography;
using System.Text;
using LtiCurriculum.Web.Sessions;
using Microsoft.AspNetCore.DataProtection;

namespace LtiCurriculum.Web.Learn;

/// <summary>
/// Anti-forgery for learner forms that works without cookies (LMS iframes often block them): each form
/// carries a token bound to its launch (platform, deployment, link, user). A POST is accepted only with
/// both the session token and a form token for the same launch, neither of which another site can read.
/// </summary>
public sealed class FormTokens(IDataProtectionProvider dataProtection)
{
    public const string FieldName = "form_token";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("LtiCurriculum.Learn.FormToken.v1");

    public string Issue(LaunchSession session) =>
        Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(Binding(session))));

    public bool IsValid(LaunchSession session, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return false;
        }
        try
        {
            var bound = _protector.Unprotect(Convert.FromBase64String(token));
            return CryptographicOperations.FixedTimeEquals(bound, Encoding.UTF8.GetBytes(Binding(session)));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
    }

    private static string Binding(LaunchSession session) =>
        $"{session.PlatformId}\u001f{session.DeploymentId}\u001f{session.ResourceLinkDbId}\u001f{session.UserDbId}";
}
