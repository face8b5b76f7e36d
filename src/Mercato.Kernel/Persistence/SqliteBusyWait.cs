using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mercato.Kernel.Persistence;

/// <summary>
/// Waits for SQLite's write lock by trying again every millisecond, up to the connection's default timeout.
/// <list type="bullet">
/// <item>Microsoft.Data.Sqlite sets no busy handler: it retries after a fixed 150 ms sleep, although the lock is held for a
/// few milliseconds.</item>
/// <item>SQLite's own <c>busy_timeout</c> backs off to 100 ms sleeps once a writer has waited 200 ms. Under a steady queue of
/// writers (checkouts at 32 connections) those who have waited longest then try least often and newcomers overtake them,
/// which made the slowest checkouts wait a second.</item>
/// </list>
/// A fixed short wait gives every waiting writer the same chance at each release.
/// </summary>
internal sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    internal static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } db } sqlite)
            _ = SetBusyHandler(db.DangerousGetHandle(), Handler, sqlite.DefaultTimeout * 1000);
    }

    /// <summary>
    /// SQLite calls it while the lock is taken, with how often it has been called for this lock already; non-zero means try
    /// again. One call waits about a millisecond, so the count of calls stands for the milliseconds waited.
    /// </summary>
    private static int WaitOnce(IntPtr timeoutMilliseconds, int calls)
    {
        if (calls >= timeoutMilliseconds) return 0;
        Interlocked.Increment(ref _waits);
        Thread.Sleep(1);
        return 1;
    }

    private static long _waits;

    /// <summary>Waits of about a millisecond so far, in this process (shows that the handler, not SQLite's own, waited).</summary>
    internal static long Waits => Interlocked.Read(ref _waits);

    private static readonly BusyCallback Callback = WaitOnce;
    private static readonly IntPtr Handler = Marshal.GetFunctionPointerForDelegate(Callback);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyCallback(IntPtr timeoutMilliseconds, int calls);

    // The SQLite library Microsoft.Data.Sqlite loads (SQLitePCLRaw's bundle), which does not wrap sqlite3_busy_handler.
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_busy_handler")]
    private static extern int SetBusyHandler(IntPtr db, IntPtr handler, IntPtr timeoutMilliseconds);
}
