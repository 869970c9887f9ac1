using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>GET /dev-platform/jwks: the platform's public key set, cacheable for five minutes.</summary>
internal static class JwksEndpoint
{
    public static IResult Handle(HttpResponse response, DevPlatformKey key)
    {
        response.Headers.CacheControl = "public, max-age=300";
        return Results.Content(key.JwksJson, "application/json");
    }
}
