using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// How each flavour refuses a registration call. Moodle: the status with <c>{"error","error_description"}</c>.
/// Canvas: <c>{"errors":[…]}</c>, not the OAuth shape (canvas-lms issue #2396), with 422 for a bad registration.
/// </summary>
internal static class RegistrationAnswers
{
    public static IResult Refuse(string flavour, int statusCode, params RegistrationProblem[] problems)
    {
        object body = flavour == RegistrationNames.Canvas
            ? new CanvasErrors([.. problems.Select(problem => problem.Sentence)])
            : new MoodleError(problems[0].Code, problems[0].Sentence);
        return Results.Json(body, AgsJson.Options, "application/json", statusCode);
    }

    /// <summary>The registration token sent as <c>Authorization: Bearer …</c>, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        const string Scheme = "Bearer ";
        string header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length ? header[Scheme.Length..].Trim() : null;
    }

    private sealed record MoodleError(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string Description);

    private sealed record CanvasErrors([property: JsonPropertyName("errors")] IReadOnlyList<string> Errors);
}
