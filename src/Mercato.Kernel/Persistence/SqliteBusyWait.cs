using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Mercato.Kernel.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock (its busy handler, set to the connection's default timeout) instead of
/// Microsoft.Data.Sqlite's retry, which sleeps a fixed 150 ms between tries: under concurrent writes a checkout that
/// found the lock taken lost 150 ms at a time although the lock is held for a few milliseconds.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    internal static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } db } sqlite) raw.sqlite3_busy_timeout(db, sqlite.DefaultTimeout * 1000);
    }
}
