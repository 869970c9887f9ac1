using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtiCurriculum.Web.Hosting.Telemetry;

/// <summary>
/// Logging as it runs in production: one JSON object per line on the console, with the scopes, so every line of a
/// request carries its TraceId (the correlation id error pages show) and RequestId. Every line in every environment
/// passes <see cref="LogRedaction"/> first, whichever provider writes it.
/// </summary>
public static class ToolLogging
{
    public static ILoggingBuilder AddToolLogging(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        if (environment.IsProduction())
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // The factory the providers hang on stays as the framework builds it; loggers are handed out through the redactor.
        logging.Services.TryAddSingleton<LoggerFactory>();
        logging.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(provider.GetRequiredService<LoggerFactory>())));
        return logging;
    }
}
