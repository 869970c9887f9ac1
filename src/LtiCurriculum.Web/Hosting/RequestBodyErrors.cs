using System.Text.Json;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Launch;

namespace LtiCurriculum.Web.Hosting;

/// <summary>
/// A request body that breaks the server's limits or cannot be parsed is the sender's mistake, wherever it is read
/// (the session handler, a handler's ReadFormAsync, JSON binding): it gets 413 <c>form_too_large</c> or 400
/// <c>request_malformed</c>, as a page or problem+json, never the 500 of an unhandled exception.
/// </summary>
internal static class RequestBodyErrors
{
    public static readonly LaunchFailure TooLarge = new("form_too_large", 413,
        "What was sent is larger than this tool accepts (too long an answer, or too many fields). Shorten it and try again.");
    public static readonly LaunchFailure Malformed = new("request_malformed", 400,
        "What was sent could not be read (a broken form or JSON body). Reload the page and try again.");

    public static IApplicationBuilder UseRequestBodyErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        LaunchFailure? failure;
        try
        {
            await next(context);
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && Classify(ex) is { } classified)
        {
            failure = classified;
        }
        await WriteAsync(context, failure);
    });

    /// <summary>Answers with <paramref name="failure"/>: problem+json for script calls, a page otherwise.</summary>
    public static Task WriteAsync(HttpContext context, LaunchFailure failure)
    {
        context.Response.Clear();
        return Refusal(context, failure).ExecuteAsync(context);
    }

    /// <summary>What a body-reading exception means for the sender: <see cref="TooLarge"/>, <see cref="Malformed"/>, or null (not the body's fault).</summary>
    public static LaunchFailure? Classify(Exception exception) => exception switch
    {
        // Form limits (key, value length, field count) and Kestrel's body size limit; forms read through
        // Limits.CheckedFormFeature arrive here as BadHttpRequestException with 413 or 400 already.
        InvalidDataException invalid when Limits.CheckedFormFeature.IsOverLimit(invalid) => TooLarge,
        InvalidDataException => Malformed,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge,
        BadHttpRequestException => Malformed,
        JsonException => Malformed,
        _ => null,
    };

    public static IResult Refusal(HttpContext context, LaunchFailure failure)
    {
        context.Response.Headers.CacheControl = "no-store";
        var wantsJson = context.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true)
            || context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        return wantsJson
            ? Results.Problem(statusCode: failure.StatusCode, title: failure.Description, type: "about:blank",
                extensions: new Dictionary<string, object?> { ["code"] = failure.Code })
            : ErrorPages.For(context, failure, heading: "That did not work");
    }
}
