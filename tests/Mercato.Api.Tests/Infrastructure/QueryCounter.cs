using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mercato.Api.Tests.Infrastructure;

/// <summary>
/// Records the SQL commands an app sends while a recording is open (tests in one class run one at a time, and each
/// app has its own database, so what it sees belongs to the running test).
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private List<string>? _recording;

    /// <summary>
    /// The commands a request pays for every time: without the lookups the server remembers between requests (a publishable
    /// key, whether any price list is active), whose presence depends on timing and on what other tests changed.
    /// </summary>
    public static List<string> PerRequest(IEnumerable<string> commands) =>
    [
        .. commands.Where(c => !c.Contains("channels_publishable_key", StringComparison.Ordinal)
            && !(c.Contains("catalog_price_lists", StringComparison.Ordinal) && !c.Contains("catalog_price_list_prices", StringComparison.Ordinal))),
    ];

    public IDisposable Record(out IReadOnlyList<string> commands)
    {
        var list = new List<string>();
        commands = list;
        _recording = list;
        return new Stop(this);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    private void Add(DbCommand command)
    {
        var recording = _recording;
        if (recording is null) return;
        lock (recording) recording.Add(command.CommandText);
    }

    private sealed class Stop(QueryCounter counter) : IDisposable
    {
        public void Dispose() => counter._recording = null;
    }
}
