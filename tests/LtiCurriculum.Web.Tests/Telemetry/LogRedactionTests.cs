using LtiCurriculum.Web.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Logs;

namespace LtiCurriculum.Web.Tests.Telemetry;

/// <summary>What the redactor removes from a log line, and what it leaves for the reader.</summary>
public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("GET http://tool/learn?lti_session=CfDJ8abc-_xyz&attempt=3", "GET http://tool/learn?lti_session=[redacted]&attempt=3")]
    [InlineData("/teach?x=1&form_token=abc123&y=2", "/teach?x=1&form_token=[redacted]&y=2")]
    [InlineData("/registration?openid_configuration=https%3A%2F%2Flms&registration_token=s3cr3t", "/registration?openid_configuration=https%3A%2F%2Flms&registration_token=[redacted]")]
    [InlineData("/authorize?state=S&nonce=N&login_hint=u1&lti_message_hint=h", "/authorize?state=[redacted]&nonce=[redacted]&login_hint=[redacted]&lti_message_hint=[redacted]")]
    [InlineData("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln end", "token [redacted] end")]
    [InlineData("Authorization: Bearer abc.DEF-123~x", "Authorization: Bearer [redacted]")]
    [InlineData("key -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- done", "key [redacted] done")]
    [InlineData("/launch?return=%3DeyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "/launch?return=%3D[redacted]")]
    public void Secrets_are_replaced_and_the_rest_of_the_line_kept(string line, string expected) =>
        Assert.Equal(expected, LogRedaction.Redact(line));

    [Theory]
    [InlineData("Request finished HTTP/1.1 GET http://tool/health/ready - 200")]
    [InlineData("Score 12 for platform 3: Retry (HTTP 500). The platform's service answered 500")]
    [InlineData("/learn/result?attempt=1")]
    public void Lines_without_secrets_are_left_alone(string line)
    {
        Assert.False(LogRedaction.MayHoldSecret(line));
        Assert.Equal(line, LogRedaction.Redact(line));
    }

    [Fact]
    public void A_stack_frame_whose_name_holds_eyJ_is_not_taken_for_a_token()
    {
        const string Frame = "   at LtiCurriculum.Lti.Keys.PlatformKeySetCache.ReadKeyJson(Stream body)";
        Assert.Equal(Frame, LogRedaction.Redact(Frame));
    }

    [Fact]
    public void An_exception_whose_text_holds_a_jwt_and_a_bearer_token_is_logged_without_them_on_the_console_and_over_otlp()
    {
        const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2xtcy5leGFtcGxlIn0.c2lnbmF0dXJlLXZhbHVl";
        const string Bearer = "access-6f1c2a9e-token-value";
        var console = new StringWriter();
        var exported = new List<LogRecord>();
        using (var services = ToolLoggers(console, exported))
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("LtiCurriculum.Test");
            var failure = new InvalidOperationException($"The platform refused id_token {Jwt}",
                new HttpRequestException($"POST https://lms.example/token answered 401 to Authorization: Bearer {Bearer}"));

            logger.LogError(failure, "Score delivery failed for platform {PlatformId}", 7);
        }

        var line = console.ToString();
        Assert.Contains("Score delivery failed for platform 7", line, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: The platform refused id_token [redacted]", line, StringComparison.Ordinal);
        Assert.Contains("Bearer [redacted]", line, StringComparison.Ordinal);
        var record = Assert.Single(exported);
        Assert.Equal(LogLevel.Error, record.LogLevel);
        // What the OTLP exporter sends: exception.message and exception.stacktrace (the exception's whole text).
        Assert.Equal("The platform refused id_token [redacted]", record.Exception!.Message);
        Assert.Contains("Bearer [redacted]", record.Exception.ToString(), StringComparison.Ordinal);
        foreach (var text in new[] { line, record.Exception.Message, record.Exception.ToString() })
        {
            Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Bearer, text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The tool's logging (<see cref="ToolLogging"/>) with the production JSON console formatter writing to
    /// <paramref name="console"/> and the OpenTelemetry log pipeline (the one OTLP uses) exporting to memory.
    /// </summary>
    private static ServiceProvider ToolLoggers(StringWriter console, List<LogRecord> exported)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.AddToolLogging(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" });
            logging.AddJsonConsole(options => options.IncludeScopes = true);
            // The formatter without the provider: it writes here, not to the test run's stdout.
            services.Remove(services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)));
            services.AddSingleton<ILoggerProvider>(provider => new FormattedLines(provider.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json), console));
            logging.AddOpenTelemetry(options => options.AddInMemoryExporter(exported));
        });
        return services.BuildServiceProvider();
    }

    private sealed class FormattedLines(ConsoleFormatter formatter, StringWriter output) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Writer(formatter, output, categoryName);

        public void Dispose()
        {
        }

        private sealed class Writer(ConsoleFormatter formatter, StringWriter output, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> format)
            {
                lock (output)
                {
                    formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, format), null, output);
                }
            }
        }
    }
}
