using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// POST /dev-platform/token: the OAuth 2 client-credentials grant with a JWT bearer client assertion. Grants the
/// requested AGS scopes the platform offers, and the NRPS scope while NRPS is on. Every refusal is a 400 with an
/// OAuth error body.
/// </summary>
internal static class TokenEndpoint
{
    public const string ClientCredentials = "client_credentials";
    public const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static async Task<IResult> HandleAsync(
        HttpContext context, ClientAssertionVerifier verifier, AccessTokenStore tokens, GradebookStyleState styles, NrpsSwitch nrps,
        GradebookCounters counters, IOptions<DevPlatformOptions> options, ILoggerFactory loggerFactory)
    {
        counters.TokenRequested();
        var logger = loggerFactory.CreateLogger(DevPlatformLog.Category);
        var (scopes, error) = await AuthorizeAsync(context, verifier, nrps.Enabled);
        if (error is not null)
        {
            logger.TokenRefused(error.Error, error.Description);
            return error.ToResult(context.Response);
        }

        var lifetime = TimeSpan.FromSeconds(options.Value.AccessTokenLifetimeSeconds);
        var accessToken = tokens.Issue(scopes!, lifetime);
        counters.TokenIssued();
        logger.TokenIssued(scopes!.Count);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";

        // Lower case in standard style, so a tool that compares token_type case-sensitively fails here first.
        var tokenType = styles.Current == GradebookStyles.Standard ? "bearer" : "Bearer";
        return Results.Json(
            new TokenAnswer(accessToken, tokenType, options.Value.AccessTokenLifetimeSeconds, string.Join(' ', scopes!)), AgsJson.Options);
    }

    private static async Task<(IReadOnlyList<string>? Scopes, OAuthError? Error)> AuthorizeAsync(HttpContext context, ClientAssertionVerifier verifier, bool nrpsOn)
    {
        var request = context.Request;
        if (!AgsJson.HasMediaType(request, "application/x-www-form-urlencoded"))
        {
            return (null, new("invalid_request", "send the token request as application/x-www-form-urlencoded"));
        }

        var form = await request.ReadFormAsync(context.RequestAborted);
        foreach (var name in new[] { "grant_type", "client_assertion_type", "client_assertion", "scope" })
        {
            if (form[name].Count != 1 || string.IsNullOrEmpty(form[name][0]))
            {
                return (null, new("invalid_request", $"{name} is required, once"));
            }
        }

        if (form["grant_type"] != ClientCredentials)
        {
            return (null, new("unsupported_grant_type", $"grant_type must be {ClientCredentials}"));
        }

        if (form["client_assertion_type"] != JwtBearer)
        {
            return (null, new("invalid_request", $"client_assertion_type must be {JwtBearer}"));
        }

        var (client, assertionError) = await verifier.VerifyAsync(form["client_assertion"].ToString(), PlatformUrls.For(request), context.RequestAborted);
        if (assertionError is not null)
        {
            return (null, assertionError);
        }

        // A tool registered by dynamic registration gets at most the scopes it registered (Moodle's token.php intersects too).
        var requested = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var granted = requested.Where(scope => (AgsScopes.Offered.Contains(scope) || (nrpsOn && scope == NrpsNames.Scope)) && client!.Allows(scope))
            .Distinct(StringComparer.Ordinal).ToList();
        return granted.Count == 0
            ? (null, new("invalid_scope", "none of the requested scopes is offered; ask for AGS scopes or (while it is on) the NRPS scope"))
            : (granted, null);
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("scope")] string Scope);
}
