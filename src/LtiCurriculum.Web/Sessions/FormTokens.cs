using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace LtiCurriculum.Web.Sessions;

/// <summary>
/// Anti-forgery for forms that works without cookies (LMS iframes often block them): the synchronizer-token pattern.
/// Each launch's session holds a random secret, and every form the tool renders for that launch carries it. A POST is
/// accepted only with the session token and the form token of the same launch; another site can read neither (the
/// session token is encrypted, the form token sits in the tool's own pages).
/// </summary>
public sealed class FormTokens(IDataProtectionProvider dataProtection)
{
    public const string FieldName = "form_token";
    private const int SecretBytes = 16;

    // Before sessions held a secret (session format 2), a form token was this protector's encryption of the launch's ids,
    // and it is still accepted with a session of those ids, as it was then. Pages carrying one are gone once the sessions
    // of that time have expired (Sessions:Lifetime, at most 12 hours), so a later release can drop this fallback.
    private readonly IDataProtector _before = dataProtection.CreateProtector("LtiCurriculum.Learn.FormToken.v1");

    /// <summary>A new launch's secret: 128 random bits, base64url.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The token for the forms of this session's pages.</summary>
    public string Issue(LaunchSession session) =>
        session.FormSecret ?? throw new InvalidOperationException("The session has no form secret; sessions are issued and renewed with one.");

    public bool IsValid(LaunchSession session, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return false;
        }
        if (session.FormSecret is { } secret && token.Length == secret.Length)
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token), Encoding.ASCII.GetBytes(secret));
        }
        return IsValidFromBefore(session, token);
    }

    private bool IsValidFromBefore(LaunchSession session, string token)
    {
        try
        {
            var bound = _before.Unprotect(Convert.FromBase64String(token));
            var binding = $"{session.PlatformId}\u001f{session.DeploymentId}\u001f{session.ResourceLinkDbId}\u001f{session.UserDbId}";
            return CryptographicOperations.FixedTimeEquals(bound, Encoding.UTF8.GetBytes(binding));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
