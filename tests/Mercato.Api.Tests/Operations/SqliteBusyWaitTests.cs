using Mercato.Kernel.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Operations;

public sealed class SqliteBusyTimeoutTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_connection_the_context_opens_waits_for_the_write_lock_in_sqlite_itself()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        await using var pragma = new SqliteCommand("PRAGMA busy_timeout", connection);
        var timeout = (long)(await pragma.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;

        // SQLite's busy handler (0 when unset: Microsoft.Data.Sqlite's own retry then sleeps 150 ms between tries).
        Assert.Equal(connection.DefaultTimeout * 1000L, timeout);
        Assert.True(timeout >= 30_000, $"busy_timeout {timeout} ms");
    }

    [Fact]
    public async Task A_write_waits_for_another_connections_transaction_and_then_succeeds()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var ct = TestContext.Current.CancellationToken;
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        await using var other = new SqliteConnection($"Data Source={file};Pooling=False");
        await other.OpenAsync(ct);
        await using (var begin = new SqliteCommand("BEGIN IMMEDIATE", other)) await begin.ExecuteNonQueryAsync(ct);

        var write = Task.Run(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await transaction.CommitAsync(ct);
        }, ct);
        await Task.Delay(200, ct);
        Assert.False(write.IsCompleted, "the write did not wait for the lock");
        await using (var commit = new SqliteCommand("COMMIT", other)) await commit.ExecuteNonQueryAsync(ct);

        await write.WaitAsync(TimeSpan.FromSeconds(10), ct);
    }
}
