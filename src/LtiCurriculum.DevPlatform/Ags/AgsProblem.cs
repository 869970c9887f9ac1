using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// A refused service call in the style's own words. Canvas: <c>{"errors":{"type","message"}}</c>; Moodle: a line of
/// plain text; standard: <c>{"error","error_description"}</c>.
/// </summary>
internal static class AgsProblem
{
    public static IResult Result(string style, int statusCode, string message) => style switch
    {
        GradebookStyles.Canvas => Results.Json(new CanvasErrors(new CanvasError(CanvasType(statusCode), message)), AgsJson.Options, statusCode: statusCode),
        GradebookStyles.Moodle => Results.Text(message, "text/plain", statusCode: statusCode),
        _ => Results.Json(new OAuthError(StandardCode(statusCode), message), AgsJson.Options, statusCode: statusCode),
    };

    private static string CanvasType(int statusCode) => statusCode switch
    {
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status422UnprocessableEntity => "unprocessable_entity",
        StatusCodes.Status507InsufficientStorage => "insufficient_storage",
        _ => "bad_request",
    };

    private static string StandardCode(int statusCode) => statusCode switch
    {
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status422UnprocessableEntity => "unprocessable_entity",
        StatusCodes.Status507InsufficientStorage => "insufficient_storage",
        _ => "invalid_request",
    };

    private sealed record CanvasErrors([property: JsonPropertyName("errors")] CanvasError Errors);

    private sealed record CanvasError(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("message")] string Message);
}
