using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace Mercato.Kernel.Persistence;

/// <summary>
/// Prepared SQLite statements kept per connection, least recently used evicted past <see cref="Capacity"/>.
/// Microsoft.Data.Sqlite keeps a statement only as long as its <see cref="SqliteCommand"/>, and EF makes and disposes a
/// command for every query, so each query was compiled again (sqlite3_prepare_v2 took 29% of the search endpoint's time
/// at 100,000 products). The bound keeps SQLite's per-connection memory in check (dotnet/efcore#14044).
/// </summary>
internal sealed class SqliteStatementCache
{
    private static readonly ConditionalWeakTable<SqliteConnection, SqliteStatementCache> Caches = [];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _idle = new(StringComparer.Ordinal);
    private readonly LinkedList<SqliteCommand> _recent = [];
    private int _inUse;

    private SqliteStatementCache(SqliteConnection connection, int capacity)
    {
        Connection = connection;
        Capacity = capacity;
        // Closing a connection disposes its commands (and their statements): the kept ones are gone with it.
        connection.StateChange += (_, e) =>
        {
            if (e.CurrentState != ConnectionState.Open) Clear();
        };
    }

    /// <summary>The cache of <paramref name="connection"/>, made on first use.</summary>
    public static SqliteStatementCache On(SqliteConnection connection, int capacity) =>
        Caches.GetValue(connection, c => new SqliteStatementCache(c, capacity));

    /// <summary>The cache of <paramref name="connection"/> if it has one.</summary>
    public static SqliteStatementCache? Of(DbConnection connection) =>
        connection is SqliteConnection sqlite && Caches.TryGetValue(sqlite, out var cache) ? cache : null;

    public SqliteConnection Connection { get; }
    public int Capacity { get; }

    /// <summary>Commands handed out with their statement already kept, and commands made anew.</summary>
    public long Hits { get; private set; }
    public long Misses { get; private set; }

    public int Count
    {
        get
        {
            lock (_lock) return _idle.Count;
        }
    }

    /// <summary>Commands handed out and not given back: EF still executing them or reading their results.</summary>
    public int InUse
    {
        get
        {
            lock (_lock) return _inUse;
        }
    }

    /// <summary>
    /// The kept command for <paramref name="sql"/>, now the caller's alone; a new one when none is kept (never used, evicted,
    /// or still in use by an open reader elsewhere).
    /// </summary>
    public SqliteCommand Rent(string sql)
    {
        lock (_lock)
        {
            _inUse++;
            if (sql.Length > 0 && _idle.Remove(sql, out var node))
            {
                _recent.Remove(node);
                Hits++;
                return node.Value;
            }
            Misses++;
        }
        return new SqliteCommand(sql, Connection);
    }

    /// <summary>
    /// Takes a command back once its reader is done (the reader's disposal resets its statements, which releases the read
    /// snapshot a WAL reader holds). One with a reader still open, or on a closed connection, is disposed instead.
    /// </summary>
    public void Return(SqliteCommand command, bool readerOpen)
    {
        lock (_lock) _inUse--;
        if (readerOpen || Connection.State != ConnectionState.Open || command.CommandText.Length == 0)
        {
            command.Dispose();
            return;
        }
        command.Parameters.Clear();
        command.Transaction = null;
        SqliteCommand? evicted = null;
        lock (_lock)
        {
            if (_idle.ContainsKey(command.CommandText))
            {
                evicted = command;
            }
            else
            {
                _idle[command.CommandText] = _recent.AddFirst(command);
                if (_idle.Count > Capacity)
                {
                    evicted = _recent.Last!.Value;
                    _recent.RemoveLast();
                    _idle.Remove(evicted.CommandText);
                }
            }
        }
        evicted?.Dispose();
    }

    private void Clear()
    {
        List<SqliteCommand> kept;
        lock (_lock)
        {
            kept = [.. _recent];
            _recent.Clear();
            _idle.Clear();
        }
        foreach (var command in kept) command.Dispose();
    }
}

/// <summary>
/// Gives EF a <see cref="KeptSqliteCommand"/> for every command on a SQLite connection (migrations excepted: their DDL runs
/// once), so each query runs on the statement its SQL was compiled into before on that connection.
/// </summary>
internal sealed class SqliteStatementCacheInterceptor(int capacity) : DbCommandInterceptor
{
    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result)
    {
        if (result.HasResult || eventData.CommandSource is CommandSource.Migrations or CommandSource.Scaffolding
            || eventData.Connection is not SqliteConnection connection)
            return result;
        return InterceptionResult<DbCommand>.SuppressWithResult(new KeptSqliteCommand(SqliteStatementCache.On(connection, capacity)));
    }
}

/// <summary>
/// The command EF sees: when EF sets its SQL it takes that SQL's kept <see cref="SqliteCommand"/> from the connection's
/// cache, runs on it, and gives it back when EF disposes it. Transaction and timeout are applied at each execution, so
/// nothing from an earlier use carries over.
/// </summary>
internal sealed class KeptSqliteCommand(SqliteStatementCache cache) : DbCommand
{
    private SqliteCommand? _inner;
    private SqliteDataReader? _reader;
    private string _sql = "";
    private SqliteTransaction? _transaction;
    private int? _timeout;

    private SqliteCommand Inner => _inner ??= cache.Rent(_sql);

    [AllowNull]
    public override string CommandText
    {
        get => _sql;
        set
        {
            value ??= "";
            if (value == _sql) return;
            Release();
            _sql = value;
        }
    }

    public override int CommandTimeout
    {
        get => _timeout ?? cache.Connection.DefaultTimeout;
        set => _timeout = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text) throw new ArgumentException("SQLite runs text commands only.", nameof(value));
        }
    }

    public override bool DesignTimeVisible { get; set; }
    public override UpdateRowSource UpdatedRowSource { get; set; }

    [AllowNull]
    protected override DbConnection DbConnection
    {
        get => cache.Connection;
        set
        {
            if (!ReferenceEquals(value, cache.Connection))
                throw new InvalidOperationException("A kept SQLite command runs on the connection that made it.");
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set => _transaction = (SqliteTransaction?)value;
    }

    public override void Cancel() => _inner?.Cancel();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    public override void Prepare() => Ready().Prepare();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => _reader = Ready().ExecuteReader(behavior);

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        _reader = await Ready().ExecuteReaderAsync(behavior, cancellationToken);

    public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => Ready().ExecuteNonQueryAsync(cancellationToken);

    public override object? ExecuteScalar() => Ready().ExecuteScalar();

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => Ready().ExecuteScalarAsync(cancellationToken);

    private SqliteCommand Ready()
    {
        var inner = Inner;
        inner.Transaction = _transaction;
        inner.CommandTimeout = CommandTimeout;
        return inner;
    }

    private void Release()
    {
        if (_inner is null) return;
        var inner = _inner;
        _inner = null;
        var readerOpen = _reader is { IsClosed: false };
        _reader = null;
        cache.Return(inner, readerOpen);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Release();
        base.Dispose(disposing);
    }
}

public static class SqliteStatementCacheOptions
{
    /// <summary>Statements kept per connection unless <c>Mercato:Database:SqliteStatementCache</c> says otherwise.</summary>
    public const int DefaultCapacity = 100;

    /// <summary>
    /// Keeps up to <paramref name="statementsPerConnection"/> prepared statements on each SQLite connection, and keeps a
    /// pooled context's connection open between its uses so they survive (0 = off: a statement per command, and the
    /// connection closed when the context goes back to the pool).
    /// </summary>
    public static DbContextOptionsBuilder UseSqliteStatementCache(this DbContextOptionsBuilder builder, int statementsPerConnection)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(statementsPerConnection);
        if (statementsPerConnection == 0) return builder;
#pragma warning disable EF1001 // The provider's connection type is the one place to keep the connection open across pool resets.
        builder.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001
        return builder.AddInterceptors(new SqliteStatementCacheInterceptor(statementsPerConnection));
    }
}
