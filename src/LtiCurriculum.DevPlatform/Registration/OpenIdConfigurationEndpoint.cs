using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// GET {issuer}/registration/{flavour}/openid-configuration: the platform's OpenID configuration (LTI Dynamic
/// Registration 1.0 §3.4). Moodle serves it to anyone; Canvas only with <c>Authorization: Bearer {registration_token}</c>
/// (401 otherwise), as <c>doc/api/registration.md</c> says.
/// </summary>
internal static class OpenIdConfigurationEndpoint
{
    public static IResult Handle(HttpRequest request, string flavour, RegistrationTokens tokens)
    {
        var known = RegistrationNames.Normalize(flavour);
        if (known is null)
        {
            return ControlJson.Problem($"flavour must be {string.Join(" or ", RegistrationNames.Flavours)}", StatusCodes.Status404NotFound);
        }

        if (known == RegistrationNames.Canvas && !tokens.IsCanvasTokenValid(RegistrationAnswers.BearerToken(request)))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"dev-platform\", error=\"invalid_token\"";
            return RegistrationAnswers.Refuse(known, StatusCodes.Status401Unauthorized,
                new RegistrationProblem("invalid_token", "send Authorization: Bearer <registration_token> with the token this platform issued; it is missing, unknown or expired"));
        }

        var urls = PlatformUrls.For(request);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Text(PlatformConfiguration.For(known, urls, request.Host.Host).ToJsonString(AgsJson.Options), "application/json");
    }
}
