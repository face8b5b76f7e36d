using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Mercato.Kernel.Persistence;

#pragma warning disable EF1001 // SqliteRelationalConnection is provider-internal; its close is the one to skip.

/// <summary>
/// A context's SQLite connection that stays open after its queries and across the context's returns to the pool, so the
/// statements kept on it (<see cref="SqliteStatementCache"/>) survive, and reopening (SQL functions and pragmas set
/// again) is skipped. It closes as before when it is not idle (a transaction or a statement still running: closing is
/// what rolls them back and releases their read snapshot) and when the context is disposed for good.
/// </summary>
internal sealed class KeptOpenSqliteConnection(RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger) : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private const int StatementRuns = 6; // SQLITE_STMTSTATUS_RUN, not among SQLitePCL's constants

    private bool _disposing;

    protected override void ResetState(bool disposeDbConnection)
    {
        _disposing = disposeDbConnection;
        try
        {
            base.ResetState(disposeDbConnection);
        }
        finally
        {
            _disposing = false;
        }
    }

    protected override async ValueTask ResetStateAsync(bool disposeDbConnection)
    {
        _disposing = disposeDbConnection;
        try
        {
            await base.ResetStateAsync(disposeDbConnection);
        }
        finally
        {
            _disposing = false;
        }
    }

    // EF calls these after its own last Close() and when the pool resets the context (after disposing its transaction).
    protected override void CloseDbConnection()
    {
        if (_disposing || !IsIdle(DbConnection as SqliteConnection)) base.CloseDbConnection();
    }

    protected override Task CloseDbConnectionAsync() =>
        _disposing || !IsIdle(DbConnection as SqliteConnection) ? base.CloseDbConnectionAsync() : Task.CompletedTask;

    /// <summary>
    /// Open, outside any transaction, and no command of EF's still running or read (an unfinished statement holds a WAL
    /// read snapshot, so the connection's next user would read the past).
    /// </summary>
    internal static bool IsIdle(SqliteConnection? connection) =>
        connection is { State: ConnectionState.Open, Handle: { } db }
        && raw.sqlite3_get_autocommit(db) != 0
        && (SqliteStatementCache.Of(connection)?.InUse ?? 0) == 0;

    /// <summary>How many times <paramref name="statement"/> has run since it was prepared (for tests and diagnostics).</summary>
    internal static int Runs(sqlite3_stmt statement) => raw.sqlite3_stmt_status(statement, StatementRuns, 0);
}
