using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>How the control endpoints read their JSON bodies and say what is wrong: <c>{"error": "sentence"}</c>.</summary>
internal static class ControlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IResult Problem(string sentence, int statusCode = StatusCodes.Status400BadRequest) =>
        Results.Json(new ControlError(sentence), Options, statusCode: statusCode);

    /// <summary>The body as <typeparamref name="T"/>, or the refusal to answer.</summary>
    public static async Task<(T? Value, IResult? Refusal)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!AgsJson.HasMediaType(request, "application/json"))
        {
            return (null, Problem("send the body as application/json", StatusCodes.Status415UnsupportedMediaType));
        }

        var body = await AgsJson.ReadObjectAsync(request, request.HttpContext.RequestAborted);
        try
        {
            var value = body?.Deserialize<T>(Options);
            return value is null ? (null, Problem("the body must be a JSON object")) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, Problem($"the body does not fit: {exception.Message}"));
        }
    }

    private sealed record ControlError([property: JsonPropertyName("error")] string Error);
}
