using System.Security.Cryptography;
using System.Text;
using LtiCurriculum.Web.Sessions;
using Microsoft.AspNetCore.DataProtection;

namespace LtiCurriculum.Web.Sessions;

/// <summary>
/// Anti-forgery for learner forms that works without cookies (LMS iframes often block them): each form
/// carries a token bound to its launch (platform, deployment, link, user). A POST is accepted only with
/// both the session token and a form token for the same launch, neither of which another site can read.
/// </summary>
public sealed class FormTokens(IDataProtectionProvider dataProtection) : IDisposable
{
    public const string FieldName = "form_token";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("LtiCurriculum.Learn.FormToken.v1");
    // A launch's form token never changes meaning, so each page need not encrypt a new one. 10,000 launches in use at
    // once on one instance is a large school's busiest hour; at 50,000 a burst of first launches kept ~30 MB here.
    // When full, a quarter goes at once: the default 5 % sorted all 10,000 entries every 500 new launches.
    private readonly Microsoft.Extensions.Caching.Memory.MemoryCache _issued = new(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions { SizeLimit = 10_000, CompactionPercentage = 0.25 });

    public string Issue(LaunchSession session)
    {
        var binding = Binding(session);
        if (_issued.TryGetValue(binding, out string? known))
        {
            return known!;
        }
        var token = Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(binding)));
        Microsoft.Extensions.Caching.Memory.CacheExtensions.Set(_issued, binding, token,
            new Microsoft.Extensions.Caching.Memory.MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return token;
    }

    public void Dispose() => _issued.Dispose();

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
