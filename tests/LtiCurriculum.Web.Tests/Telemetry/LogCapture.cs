using System.Collections.Concurrent;
using LtiCurriculum.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Web.Tests.Telemetry;

/// <summary>One log entry as any provider would get it: the formatted message, the structured values and the scopes.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, string?>> Values, IReadOnlyList<KeyValuePair<string, string?>> Scopes, string? Exception)
{
    public string AllText => string.Join(" | ", [Category, Message, .. Values.Select(v => $"{v.Key}={v.Value}"), .. Scopes.Select(s => $"{s.Key}={s.Value}"), Exception ?? ""]);

    public string? Scope(string key) => Scopes.LastOrDefault(s => s.Key == key).Value;
}

/// <summary>
/// Every log entry of one tool at Trace level, every category (Microsoft.AspNetCore.*, System.Net.Http.*, EF Core
/// included), and every secret its requests carried: the harvest middleware sits first in the pipeline and keeps the
/// values of query and form fields that are tokens (lti_session, form_token, id_token, JWT, client_assertion, state,
/// nonce) and bearer credentials. The in-process development platform is served by the same pipeline, so what the
/// platform receives (client assertions, access tokens as bearer headers, deep linking responses) is harvested too.
/// </summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private static readonly string[] SecretFields = ["lti_session", "form_token", "id_token", "JWT", "client_assertion", "state", "nonce", "registration_token"];

    private readonly ConcurrentQueue<CapturedLog> _logs = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Logs => [.. _logs];

    /// <summary>Secret values seen, by the field (or "bearer") that carried them.</summary>
    public ConcurrentDictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    public ToolSettings Into(ToolSettings settings) => settings with
    {
        Configure = builder =>
        {
            settings.Configure?.Invoke(builder);
            builder.Logging.AddProvider(this);
            builder.Logging.AddFilter<LogCapture>(null, LogLevel.Trace);
            builder.Services.AddSingleton<IStartupFilter>(new Harvest(this));
        },
    };

    public void Keep(string field, string? value)
    {
        // Short values (an empty state, "1") could turn up anywhere by chance; every real token is longer.
        if (value is { Length: >= 16 })
        {
            Secrets.TryAdd(value, field);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static List<KeyValuePair<string, string?>> Pairs(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs ? [.. pairs.Select(p => KeyValuePair.Create(p.Key, p.Value?.ToString()))]
        : state is null ? [] : [KeyValuePair.Create("Scope", state.ToString())];

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<KeyValuePair<string, string?>>();
            capture._scopes.ForEachScope((scope, list) => list.AddRange(Pairs(scope)), scopes);
            capture._logs.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), Pairs(state), scopes, exception?.ToString()));
        }
    }

    private sealed class Harvest(LogCapture capture) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, proceed) =>
            {
                await KeepAsync(context.Request);
                await proceed(context);
            });
            next(app);
        };

        private async Task KeepAsync(HttpRequest request)
        {
            foreach (var field in SecretFields)
            {
                foreach (var value in request.Query[field])
                {
                    capture.Keep(field, value);
                }
            }
            if (request.Headers.Authorization.ToString() is { } authorization && authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                capture.Keep("bearer", authorization["Bearer ".Length..]);
            }
            if (request.HasFormContentType)
            {
                request.EnableBuffering();
                var form = await request.ReadFormAsync();
                request.Body.Position = 0;
                foreach (var field in SecretFields)
                {
                    foreach (var value in form[field])
                    {
                        capture.Keep(field, value);
                    }
                }
            }
        }
    }
}
