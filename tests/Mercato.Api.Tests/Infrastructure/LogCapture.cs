using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mercato.Api.Tests.Infrastructure;

/// <summary>One captured log line: its category, level, formatted message, the values of its scopes and its exception.</summary>
public sealed record LogLine(string Category, LogLevel Level, string Message, IReadOnlyList<string> Scopes, string? Exception)
{
    /// <summary>Everything that would reach a log sink, as one text to search.</summary>
    public override string ToString() => $"{Level} {Category}: {Message} | {string.Join(" => ", Scopes)} | {Exception}";
}

/// <summary>
/// Collects every log line of the app at every level, with its scopes and exception, so tests can prove that no secret,
/// password or token is ever logged. Registered by <see cref="LoggedApp"/>.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>The lines that contain <paramref name="text"/> anywhere (message, scopes or exception).</summary>
    public IReadOnlyList<LogLine> Containing(string text) =>
        [.. _lines.Where(l => l.ToString().Contains(text, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Fails the test with the offending lines if any line contains one of the secrets.</summary>
    public void ShouldNotContain(params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.False(string.IsNullOrEmpty(secret), "An empty secret proves nothing.");
            var leaks = Containing(secret);
            Assert.True(leaks.Count == 0, $"A log line contains a secret:\n{string.Join("\n", leaks.Take(3))}");
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            capture._scopes.ForEachScope((scope, list) => list.Add(Render(scope)), scopes);
            // The structured values too: a sink (JSON console, OpenTelemetry) writes them even when the message omits them.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? " {" + string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) + "}" : "";
            capture._lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception) + values, scopes, exception?.ToString()));
        }

        private static string Render(object? scope) => scope switch
        {
            IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")),
            _ => scope?.ToString() ?? "",
        };
    }
}

/// <summary>An app whose every log line, at every level, is captured in <see cref="Logs"/>.</summary>
public abstract class LoggedApp(ITestDatabase database) : MercatoApp(database, "none")
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            // A rule for this provider wins over the configured levels, so even Trace lines are seen.
            logging.AddFilter<LogCapture>(null, LogLevel.Trace);
        });
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(
            new TestEndpoints(e => e.MapGet("/test/failure", ThrowWithInternals))));
    }

    /// <summary>An unhandled failure whose message carries SQL and table names, as a database error's would.</summary>
    private static string ThrowWithInternals() =>
        throw new InvalidOperationException("SELECT secret_hash FROM identity_api_key WHERE token = 'sk_live_leak' failed near \"FROM\"");

}

public sealed class SqliteLoggedApp() : LoggedApp(new SqliteTestDatabase());

public sealed class PostgresLoggedApp() : LoggedApp(new PostgresTestDatabase());
