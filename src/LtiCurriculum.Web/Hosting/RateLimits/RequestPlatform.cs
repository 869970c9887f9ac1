using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Hosting.Limits;
using LtiCurriculum.Web.Launch;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Hosting.RateLimits;

/// <summary>
/// The platform a request names, for the per-platform rate limit only. On a registration page it is the host of the
/// <c>openid_configuration</c> URL, and on its confirmation the host of the pending registration's; on a course staff post, the platform of its session. On login it is the <c>iss</c> and
/// <c>client_id</c> fields (LTI Core 1.3 §5.1.1 login initiation); on launch the id_token is not validated yet, so it is
/// the unverified <c>iss</c> and <c>aud</c> of its payload, trusted for nothing else. Names no registration knows share
/// one partition, so made-up issuers cannot mint fresh buckets.
/// </summary>
internal static class RequestPlatform
{
    public const string Unregistered = "unregistered";

    public static async Task<string?> FindAsync(HttpContext http, EndpointGroup group, IPlatformRegistrationStore registrations)
    {
        switch (group)
        {
            case EndpointGroup.Registration when HttpMethods.IsGet(http.Request.Method):
                // The LMS being registered is not known yet; the host of its configuration URL stands for it.
                return LmsHost(http.Request.Query["openid_configuration"].FirstOrDefault());
            case EndpointGroup.Registration:
                return await PendingRegistrationLmsAsync(http);
            case EndpointGroup.Teach or EndpointGroup.PackUpload:
                return await SessionPlatformAsync(http);
        }
        var form = await LtiFormReader.ReadAsync(http);
        if (form is null)
        {
            // Unreadable: the handler refuses it on its own; the per-address limit still counted it.
            return null;
        }
        var (issuer, clientId) = group == EndpointGroup.LtiLogin
            ? (Field(http, form, "iss"), Field(http, form, "client_id"))
            : Launch.UnverifiedClaims.Read(form["id_token"].FirstOrDefault());
        if (string.IsNullOrEmpty(issuer) || issuer.Length > Data.Entities.PlatformEntity.IssuerMaxLength)
        {
            return Unregistered;
        }
        IReadOnlyList<PlatformRegistration> known;
        try
        {
            known = await registrations.FindByIssuerAsync(issuer, http.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is unreachable: the launch will say so; this limit is not the place to fail it.
            return null;
        }
        if (known.Count == 0)
        {
            return Unregistered;
        }
        return known.FirstOrDefault(r => r.ClientId == clientId) is { } platform ? $"platform {platform.Id}" : $"issuer {issuer}";
    }

    /// <summary>The platform of the session a course staff post carries (read within the group's body limits); none: per address only.</summary>
    private static async Task<string?> SessionPlatformAsync(HttpContext http)
    {
        // Too large or malformed bodies throw here, and RequestBodyErrors answers 413/400 as it would for the handler.
        var token = await Sessions.SessionCarrier.FindTokenAsync(http.Request);
        return http.RequestServices.GetRequiredService<Sessions.LaunchSessionTokens>().Read(token) is { } session
            ? $"platform {session.PlatformId}"
            : null;
    }

    /// <summary>
    /// The confirmation post names its pending registration, whose configuration URL names the LMS: it shares that LMS's
    /// bucket with the registration pages. Ids no pending registration has share one partition.
    /// </summary>
    private static async Task<string?> PendingRegistrationLmsAsync(HttpContext http)
    {
        IFormCollection form;
        try
        {
            // Within the registration group's body limits (set before this runs); the handler refuses what fails here.
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException or InvalidOperationException)
        {
            return null;
        }
        var id = form["pending"].FirstOrDefault();
        if (string.IsNullOrEmpty(id) || id.Length != PendingIdLength)
        {
            return Unregistered;
        }
        try
        {
            await using var db = await http.RequestServices.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContextAsync(http.RequestAborted);
            var url = await db.PendingRegistrations.AsNoTracking().Where(p => p.Id == id)
                .Select(p => p.OpenIdConfigurationUrl).FirstOrDefaultAsync(http.RequestAborted);
            return url is null ? Unregistered : LmsHost(url) ?? Unregistered;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is unreachable: the confirmation will say so; this limit is not the place to fail it.
            return null;
        }
    }

    /// <summary>The length of a pending registration's id (hex of 32 random bytes).</summary>
    private const int PendingIdLength = 64;

    private static string? LmsHost(string? configurationUrl) =>
        Uri.TryCreate(configurationUrl, UriKind.Absolute, out var configuration) ? "lms " + configuration.IdnHost.ToLowerInvariant() : null;

    private static string? Field(HttpContext http, IFormCollection form, string name) =>
        form[name].FirstOrDefault() is { Length: > 0 } fromForm ? fromForm : http.Request.Query[name].FirstOrDefault();
}
