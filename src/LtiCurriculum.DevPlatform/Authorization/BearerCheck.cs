using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// What every service call (AGS, NRPS) passes first (RFC 6750 §3): a bearer token that is known, unexpired and
/// unrevoked (else 401 with <c>WWW-Authenticate</c>), holding one of the accepted scopes (else 403 insufficient_scope).
/// </summary>
internal static class BearerCheck
{
    /// <summary>Null when the call may go on; otherwise the refusal to answer.</summary>
    public static IResult? Refusal(HttpContext context, AccessTokenStore tokens, params string[] acceptedScopes)
    {
        var response = context.Response;
        string header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"dev-platform\"";
            return Results.Json(new OAuthError("invalid_token", "send Authorization: Bearer <access token>"), AgsJson.Options, statusCode: 401);
        }

        var grant = tokens.Find(header[Scheme.Length..].Trim());
        if (grant is null)
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"dev-platform\", error=\"invalid_token\"";
            return Results.Json(new OAuthError("invalid_token", "the access token is unknown, expired or revoked"), AgsJson.Options, statusCode: 401);
        }

        if (!acceptedScopes.Any(grant.Scopes.Contains))
        {
            response.Headers.WWWAuthenticate = $"Bearer realm=\"dev-platform\", error=\"insufficient_scope\", scope=\"{string.Join(' ', acceptedScopes)}\"";
            return Results.Json(new OAuthError("insufficient_scope", $"this call needs the scope {acceptedScopes[0]}"), AgsJson.Options, statusCode: 403);
        }

        return null;
    }
}
