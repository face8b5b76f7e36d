using Mercato.Kernel.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Operations;

public sealed class SqliteBusyWaitTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_write_waits_for_another_connections_transaction_in_short_steps_and_then_succeeds()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var ct = TestContext.Current.CancellationToken;
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        await using var other = new SqliteConnection($"Data Source={file};Pooling=False");
        await other.OpenAsync(ct);
        await using (var begin = new SqliteCommand("BEGIN IMMEDIATE", other)) await begin.ExecuteNonQueryAsync(ct);
        var waitsBefore = SqliteBusyWait.Waits;

        var write = Task.Run(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await transaction.CommitAsync(ct);
        }, ct);
        await Task.Delay(400, ct);
        Assert.False(write.IsCompleted, "the write did not wait for the lock");
        await using (var commit = new SqliteCommand("COMMIT", other)) await commit.ExecuteNonQueryAsync(ct);
        await write.WaitAsync(TimeSpan.FromSeconds(10), ct);

        // About 400 tries of a millisecond each. SQLite's own busy_timeout would have slept 100 ms at a time by then (and
        // counted nothing here); Microsoft.Data.Sqlite's retry sleeps 150 ms. A slow machine sleeps longer than asked, hence
        // the margin.
        var waits = SqliteBusyWait.Waits - waitsBefore;
        Assert.True(waits >= 40, $"{waits} waits");
    }

    [Fact]
    public async Task The_handler_takes_the_place_of_sqlites_own_busy_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        await using (var set = new SqliteCommand("PRAGMA busy_timeout = 5000", connection)) await set.ExecuteNonQueryAsync(ct);

        SqliteBusyWait.Apply(connection);

        // Installing a busy handler clears SQLite's own timeout (the handler keeps the connection's default timeout).
        await using var read = new SqliteCommand("PRAGMA busy_timeout", connection);
        Assert.Equal(0L, (long)(await read.ExecuteScalarAsync(ct))!);
    }

    [Fact]
    public async Task A_write_that_never_gets_the_lock_fails_as_busy_after_the_connections_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Scope();
        var file = new SqliteConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<MercatoDb>().Database.GetConnectionString()).DataSource;
        await using var holder = new SqliteConnection($"Data Source={file};Pooling=False");
        await holder.OpenAsync(ct);
        await using (var begin = new SqliteCommand("BEGIN IMMEDIATE", holder)) await begin.ExecuteNonQueryAsync(ct);
        await using var waiter = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=1");
        await waiter.OpenAsync(ct);
        SqliteBusyWait.Apply(waiter);

        await using var write = new SqliteCommand("BEGIN IMMEDIATE", waiter);
        var busy = await Assert.ThrowsAsync<SqliteException>(() => write.ExecuteNonQueryAsync(ct));

        Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
        await using (var rollback = new SqliteCommand("ROLLBACK", holder)) await rollback.ExecuteNonQueryAsync(ct);
    }
}
