namespace LtiCurriculum.Web.Hosting.Telemetry;

/// <summary>Hands out the framework's loggers wrapped in <see cref="RedactingLogger"/>; filtering and providers are untouched.</summary>
internal sealed class RedactingLoggerFactory(LoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The container owns and disposes the inner factory.</summary>
    public void Dispose()
    {
    }
}

/// <summary>
/// Rewrites a log entry whose message or values hold a secret (see <see cref="LogRedaction"/>) before any provider sees
/// it. The framework logs whole URLs (request starting, redirects), and session tokens travel in URLs; an exception's
/// message (a failed HTTP call's URL, a token that did not parse) can carry them too, so it is redacted as well.
/// </summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }
        exception = RedactedException.For(exception);
        var message = formatter(state, exception);
        var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        if (!LogRedaction.MayHoldSecret(message) && (values is null || !values.Any(v => LogRedaction.MayHoldSecret(Text(v.Value)))))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }
        var redacted = new RedactedState(LogRedaction.Redact(message),
            values?.Select(v => KeyValuePair.Create(v.Key, v.Value is null or ValueType ? v.Value : (object?)LogRedaction.Redact(Text(v.Value)))).ToArray() ?? []);
        inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.Message);
    }

    private static string? Text(object? value) => value is null or ValueType ? null : value.ToString();

    private sealed class RedactedState(string message, KeyValuePair<string, object?>[] values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public int Count => values.Length;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}

/// <summary>
/// Stands in for a logged exception whose text holds a secret. Providers write <see cref="Message"/> and
/// <see cref="ToString"/> (the console its whole text, OTLP <c>exception.message</c> and <c>exception.stacktrace</c>), so
/// both are the original's, redacted; the original type's name leads the text, as it did.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;

    private RedactedException(Exception original, string text)
        : base(LogRedaction.Redact(original.Message))
    {
        _text = text;
        HResult = original.HResult;
        Source = original.Source;
    }

    public static Exception? For(Exception? exception)
    {
        if (exception is null or RedactedException)
        {
            return exception;
        }
        var text = exception.ToString();
        return LogRedaction.MayHoldSecret(text) ? new RedactedException(exception, LogRedaction.Redact(text)) : exception;
    }

    public override string? StackTrace => null;

    public override string ToString() => _text;
}
