using Microsoft.Extensions.Logging;

namespace TelephonyHub.Testing.Logs;

/// <summary>Feeds an in-process hub's logs into <see cref="LogLines"/> as "Level Category: message" lines.</summary>
public sealed class LogLinesProvider(LogLines lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new LineLogger(lines, categoryName);

    public void Dispose()
    {
    }

    private sealed class LineLogger(LogLines lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
            }
        }
    }
}
