using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Lti.Tests.Ags;

internal sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>Everything a log sink could store: message, exception text.</summary>
    public string Everything => $"{Message} {Exception}";
}

/// <summary>Captures every log entry written through <c>ILogger</c>.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public string AllText => string.Join("\n", _entries.Select(e => e.Everything));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}
