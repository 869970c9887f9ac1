using System.Security.Cryptography;
using System.Text;
using LtiCurriculum.Web.Hosting.Caching;
using Microsoft.AspNetCore.DataProtection;

namespace LtiCurriculum.Web.Sessions;

/// <summary>
/// Anti-forgery for learner forms that works without cookies (LMS iframes often block them): each form
/// carries a token bound to its launch (platform, deployment, link, user). A POST is accepted only with
/// both the session token and a form token for the same launch, neither of which another site can read.
/// </summary>
public sealed class FormTokens(IDataProtectionProvider dataProtection, TimeProvider time)
{
    public const string FieldName = "form_token";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("LtiCurriculum.Learn.FormToken.v1");
    // A launch's form token never changes meaning, so each page need not encrypt a new one: kept for half an hour in
    // 16,384 slots (a large school's busiest hour on one instance); a launch whose slot another took gets a new token.
    private readonly SlotCache<string> _issued = new(16_384, TimeSpan.FromMinutes(30), time);

    public string Issue(LaunchSession session)
    {
        var binding = Binding(session);
        var key = SlotCache.KeyOf(binding);
        if (_issued.TryGet(key, out var known))
        {
            return known;
        }
        var token = Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(binding)));
        _issued.Set(key, token);
        return token;
    }

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
