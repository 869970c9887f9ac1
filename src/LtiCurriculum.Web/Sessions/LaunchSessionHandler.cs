using System.Security.Claims;
using System.Text.Encodings.Web;
using LtiCurriculum.Web.Learn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Sessions;

/// <summary>
/// Authenticates a follow-up request by its launch session token (see <see cref="SessionCarrier"/> for where it
/// travels). Like the cookie handler's sliding expiration, a successful read renews the token. For a resource-link
/// session it also finds the link and its module and hands them to endpoints as a <see cref="LearnerRequest"/>.
/// </summary>
public sealed class LaunchSessionHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    LaunchSessionTokens tokens, LearnerRequests links)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LtiSession";
    public const string KindClaim = "lti_session_kind";
    public const string LinkKind = "link";
    public const string DeepLinkingKind = "deep_linking";
    public const string CourseStaffRole = "course_staff";
    public const string AdministratorRole = "administrator";

    /// <summary>The reason an authentication failed, read by <see cref="LaunchAuthorizationResults"/> to pick the page.</summary>
    public const string LinkMissing = "link_missing";
    /// <summary>Holds <see cref="LinkMissing"/>, or the body's LaunchFailure when the form could not be read.</summary>
    public const string FailureItem = "LtiSession.Failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // With one scheme registered ASP.NET Core makes it the default, so the authentication middleware asks on every
        // request; only endpoints that require authorization read a session (the LTI login and launch read their own form).
        if (Context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is null)
        {
            return AuthenticateResult.NoResult();
        }
        string? presented;
        try
        {
            presented = await SessionCarrier.FindTokenAsync(Request);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            // A form over the limits (size, field count, value length) or one that cannot be read names no session we can trust.
            var failure = Hosting.RequestBodyErrors.Classify(ex) ?? Hosting.RequestBodyErrors.Malformed;
            Context.Items[FailureItem] = failure;
            return AuthenticateResult.Fail(failure.Code);
        }
        var session = tokens.Read(presented);
        if (session is null)
        {
            return AuthenticateResult.NoResult();
        }

        var (token, renewed) = tokens.Renew(session, presented!);
        if (renewed is not null)
        {
            SessionCarrier.SetCookie(Response, renewed.Token, renewed.ExpiresAt);
            // The renewed session is the one pages render with: a session read from an older token gets its form secret here.
            session = renewed.Session;
        }
        Response.Headers[SessionCarrier.HeaderName] = token;
        Response.Headers.CacheControl = "no-store";
        Context.Features.Set(new CurrentSession(session, token));

        if (!session.IsDeepLinking && session.ResourceLinkDbId is { } linkId)
        {
            var request = await links.ResolveAsync(session, token, linkId);
            if (request is null)
            {
                Context.Items[FailureItem] = LinkMissing;
                return AuthenticateResult.Fail(LinkMissing);
            }
            Context.Features.Set(request);
        }

        var claims = new List<Claim>(3) { new(KindClaim, session.IsDeepLinking ? DeepLinkingKind : session.ResourceLinkDbId is null ? "none" : LinkKind) };
        if (session.IsCourseStaff)
        {
            claims.Add(new Claim(ClaimTypes.Role, CourseStaffRole));
        }
        if ((session.Roles & LtiCurriculum.Lti.Claims.LtiRole.Administrator) != 0)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdministratorRole));
        }
        if (session.UserDbId is { } userId)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>The session of this request and the token that carries it on (renewed when due).</summary>
public sealed record CurrentSession(LaunchSession Session, string Token)
{
    public string Query => $"{SessionCarrier.FieldName}={Uri.EscapeDataString(Token)}";

    public static ValueTask<CurrentSession?> BindAsync(HttpContext http) => ValueTask.FromResult(http.Features.Get<CurrentSession>());
}
