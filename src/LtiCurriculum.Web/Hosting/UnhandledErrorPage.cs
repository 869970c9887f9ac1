using System.Diagnostics;
using System.Net;

namespace LtiCurriculum.Web.Hosting;

/// <summary>The last resort for an unexpected exception: a plain page with a correlation id, never a stack trace.</summary>
internal static class UnhandledErrorPage
{
    public static async Task WriteAsync(HttpContext context)
    {
        var correlationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        var bad = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is BadHttpRequestException badRequest;
        context.Response.StatusCode = bad ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        var message = bad ? "The request was malformed or too large." : "Something went wrong on our side. Nothing you entered was lost.";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Error · LtiCurriculum</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head>" +
            $"<body><main id=\"main\"><h1>{(bad ? "Bad request" : "Unexpected error")}</h1><p role=\"alert\">{message}</p><p>Correlation id: <code>{WebUtility.HtmlEncode(correlationId)}</code></p></main></body></html>");
    }
}
