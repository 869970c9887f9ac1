using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Runs before a token or AGS endpoint: applies the fault rules that hit it. A delay waits on the platform clock
/// (giving up when the caller does) and lets the request go on; a status answers with that status (and Retry-After),
/// with the rule's body when it has one; close aborts the connection without an answer; redirect answers 302 to the
/// rule's location; oversized answers 200 with a JSON body of the rule's size.
/// </summary>
internal sealed class FaultFilter(string target) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var services = context.RequestServices;
        var fired = services.GetRequiredService<FaultRules>().Fire(target);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(DevPlatformLog.Category);
        foreach (var rule in fired)
        {
            logger.FaultFired(rule.Id, target, rule.Kind);
            switch (rule.Kind)
            {
                case FaultTargets.DelayKind:
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(rule.DelayMs!.Value), services.GetRequiredService<TimeProvider>(), context.RequestAborted);
                    }
                    catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                    {
                        return Results.Empty;
                    }

                    break;
                case FaultTargets.CloseKind:
                    context.Abort();
                    return Results.Empty;
                case FaultTargets.RedirectKind:
                    return Results.Redirect(rule.Location!);
                case FaultTargets.OversizedKind:
                    return new OversizedBody(rule.Bytes!.Value);
                default:
                    if (rule.RetryAfter is not null)
                    {
                        context.Response.Headers.RetryAfter = rule.RetryAfter;
                    }

                    context.Response.Headers.CacheControl = "no-store";
                    if (rule.Body is not null)
                    {
                        return Results.Text(rule.Body, IsJson(rule.Body) ? "application/json" : "text/plain", statusCode: rule.Status);
                    }

                    return Results.Json(new InjectedFault("injected_fault", $"Fault rule {rule.Id} of the development platform answered {rule.Status}."),
                        AgsJson.Options, statusCode: rule.Status);
            }
        }

        return await next(invocation);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>A JSON object padded to exactly <c>bytes</c> bytes (at least its braces), streamed in chunks.</summary>
    private sealed class OversizedBody(int bytes) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            const string Start = "{\"padding\":\"";
            const string End = "\"}";
            var response = httpContext.Response;
            response.ContentType = "application/json";
            var padding = Math.Max(0, bytes - Start.Length - End.Length);
            response.ContentLength = Start.Length + padding + End.Length;
            await response.WriteAsync(Start, httpContext.RequestAborted);
            var chunk = new string('x', 64 * 1024);
            for (var left = padding; left > 0; left -= chunk.Length)
            {
                await response.WriteAsync(left >= chunk.Length ? chunk : chunk[..left], httpContext.RequestAborted);
            }

            await response.WriteAsync(End, httpContext.RequestAborted);
        }
    }

    private sealed record InjectedFault(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string Description);
}
