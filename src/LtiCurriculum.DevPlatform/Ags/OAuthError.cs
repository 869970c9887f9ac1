using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>An OAuth 2 error answer (RFC 6749 §5.2): <c>{"error","error_description"}</c>, never cached.</summary>
internal sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string Description)
{
    public IResult ToResult(HttpResponse response, int statusCode = StatusCodes.Status400BadRequest)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        return Results.Json(this, AgsJson.Options, "application/json", statusCode);
    }
}
