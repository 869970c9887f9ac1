using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>
/// The last errors a test tool logged, exceptions included, kept in memory while its console log is off: an assertion
/// that meets an unexpected 500 can then say what the tool threw (CI keeps nothing else of a passing process).
/// </summary>
internal sealed class ToolErrorLog : ILoggerProvider
{
    private const int Kept = 20;
    private readonly ConcurrentQueue<string> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>The kept errors, oldest first, or a sentence saying there are none.</summary>
    public string Describe() => _entries.IsEmpty ? "(the tool logged no error)" : string.Join("\n---\n", _entries);

    private void Add(string entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Kept && _entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(ToolErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
            }
        }
    }
}
