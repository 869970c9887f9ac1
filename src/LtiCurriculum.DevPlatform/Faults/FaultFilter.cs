using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Runs before a token or AGS endpoint: applies the fault rules that hit it. A delay waits on the platform clock
/// (giving up when the caller does) and lets the request go on; a status answers with that status (and Retry-After);
/// close aborts the connection without an answer.
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
                default:
                    if (rule.RetryAfter is not null)
                    {
                        context.Response.Headers.RetryAfter = rule.RetryAfter;
                    }

                    context.Response.Headers.CacheControl = "no-store";
                    return Results.Json(new InjectedFault("injected_fault", $"Fault rule {rule.Id} of the development platform answered {rule.Status}."),
                        AgsJson.Options, statusCode: rule.Status);
            }
        }

        return await next(invocation);
    }

    private sealed record InjectedFault(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string Description);
}
