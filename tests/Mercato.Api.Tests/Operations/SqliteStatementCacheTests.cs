using System.Collections.Concurrent;
using System.Data.Common;
using Mercato.Kernel.Persistence;
using Mercato.Regions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Operations;

/// <summary>
/// SQLite's own counter of a statement's runs tells a statement compiled for this execution (1) from one kept from an earlier
/// execution on the same connection (more than 1).
/// </summary>
public sealed class StatementRuns : DbCommandInterceptor
{
    public const string Tag = "statement-cache-test";

    public ConcurrentQueue<(string Sql, int Runs, DbConnection Connection)> Seen { get; } = new();

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, result);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Record(command, result);
        return ValueTask.FromResult(result);
    }

    /// <summary>The runs of the last execution of the tagged SQL containing <paramref name="marker"/>.</summary>
    public int Last(string marker) => Seen.Last(s => s.Sql.Contains(marker, StringComparison.Ordinal)).Runs;

    private void Record(DbCommand command, DbDataReader result)
    {
        if (command.CommandText.Contains(Tag, StringComparison.Ordinal) && result is SqliteDataReader { Handle: { } statement })
            Seen.Enqueue((command.CommandText, KeptOpenSqliteConnection.Runs(statement), command.Connection!));
    }
}

public abstract class StatementCacheApp(int capacity) : MercatoApp(new SqliteTestDatabase(), "none")
{
    public int Capacity => capacity;
    public StatementRuns Runs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mercato:Database:SqliteStatementCache", $"{capacity}");
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Runs));
    }
}

/// <summary>A small bound, so a test can fill it.</summary>
public sealed class SmallStatementCacheApp() : StatementCacheApp(8);

public sealed class NoStatementCacheApp() : StatementCacheApp(0);

public sealed class SqliteStatementCacheTests(SmallStatementCacheApp app) : IClassFixture<SmallStatementCacheApp>
{
    [Fact]
    public async Task A_query_repeated_on_a_pooled_context_runs_on_the_statement_its_connection_kept()
    {
        var marker = Marker();
        var connections = new HashSet<DbConnection>(ReferenceEqualityComparer.Instance);
        var runs = new List<int>();
        for (var lease = 0; lease < 12; lease++)
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            await RegionNamesAsync(db, marker);
            connections.Add(db.Database.GetDbConnection());
            runs.Add(app.Runs.Last(marker));
        }

        // The pool hands its contexts out in turn: each connection compiles the query once, then runs it again.
        Assert.True(connections.Count < runs.Count, $"{connections.Count} connections for {runs.Count} leases");
        Assert.Equal(connections.Count, runs.Count(r => r == 1));
        Assert.All(runs.Skip(connections.Count), r => Assert.True(r > 1, $"runs {string.Join(",", runs)}"));
    }

    [Fact]
    public async Task A_connection_keeps_no_more_statements_than_the_bound_and_evicts_the_least_recently_used()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var markers = Enumerable.Range(0, app.Capacity + 1).Select(_ => Marker()).ToList();
        foreach (var marker in markers) await RegionNamesAsync(db, marker);
        foreach (var marker in markers) Assert.Equal(1, app.Runs.Last(marker));

        var cache = Cache(db);
        Assert.Equal(app.Capacity, cache.Count);
        // The newest is still kept; the first, least recently used, was evicted and is compiled again.
        await RegionNamesAsync(db, markers[^1]);
        Assert.Equal(2, app.Runs.Last(markers[^1]));
        await RegionNamesAsync(db, markers[0]);
        Assert.Equal(1, app.Runs.Last(markers[0]));
        Assert.Equal(app.Capacity, cache.Count);
    }

    [Fact]
    public async Task A_reader_left_open_does_not_break_the_same_query_run_beside_it()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var marker = Marker();
        var all = await RegionNamesAsync(db, marker);
        Assert.True(all.Count >= 2);

        await using (var open = Query(db, marker).AsAsyncEnumerable().GetAsyncEnumerator())
        {
            Assert.True(await open.MoveNextAsync());
            var first = open.Current;
            // The kept statement is busy under the open reader: the same SQL runs on a statement of its own.
            Assert.Equal(all, await RegionNamesAsync(db, marker));
            Assert.Equal(1, app.Runs.Last(marker));
            var rest = new List<string> { first };
            while (await open.MoveNextAsync()) rest.Add(open.Current);
            Assert.Equal(all, rest);
        }

        await RegionNamesAsync(db, marker);
        Assert.True(app.Runs.Last(marker) > 1);
    }

    [Fact]
    public async Task A_write_rolled_back_is_not_seen_through_the_kept_statements()
    {
        var marker = Marker();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var id = app.UsRegionId;
        var original = await NameAsync(db, id, marker);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Set<Region>().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "Rolled back"));
            Assert.Equal("Rolled back", await NameAsync(db, id, marker));
            Assert.True(app.Runs.Last(marker) > 1);
            await transaction.RollbackAsync();
        }

        Assert.Equal(original, await NameAsync(db, id, marker));
        Assert.True(app.Runs.Last(marker) > 2);
        await using var other = app.Scope();
        Assert.Equal(original, await NameAsync(other.ServiceProvider.GetRequiredService<MercatoDb>(), id, marker));
    }

    [Fact]
    public async Task A_transaction_left_open_when_its_context_goes_back_to_the_pool_is_rolled_back()
    {
        var marker = Marker();
        var id = app.UsRegionId;
        string original;
        DbConnection connection;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            original = await NameAsync(db, id, marker);
            connection = db.Database.GetDbConnection();
            await db.Database.BeginTransactionAsync();
            await db.Set<Region>().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "Never committed"));
        }

        // Every pooled context, including the one that held the transaction, reads the committed name.
        var before = app.Runs.Seen.Count;
        for (var lease = 0; lease < 6; lease++)
        {
            await using var scope = app.Scope();
            Assert.Equal(original, await NameAsync(scope.ServiceProvider.GetRequiredService<MercatoDb>(), id, marker));
        }
        Assert.Contains(app.Runs.Seen.Skip(before), s => ReferenceEquals(s.Connection, connection) && s.Sql.Contains(marker, StringComparison.Ordinal));
        // And the write lock went with the transaction.
        var renamed = await app.Admin.PatchAsJsonAsync($"/admin/regions/{id}", new { name = "Renamed after" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
    }

    [Fact]
    public async Task A_query_canceled_midway_leaves_its_statement_usable()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var marker = Marker();
        var all = await RegionNamesAsync(db, marker);

        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Query(db, marker).AsAsyncEnumerable().WithCancellation(cancel.Token)) await cancel.CancelAsync();
        });

        Assert.Equal(all, await RegionNamesAsync(db, marker));
    }

    private static string Marker() => "m" + Guid.NewGuid().ToString("N");

    private static IQueryable<string> Query(MercatoDb db, string marker) =>
        db.Set<Region>().TagWith($"{StatementRuns.Tag} {marker}").OrderBy(r => r.Id).Select(r => r.Name);

    private static Task<List<string>> RegionNamesAsync(MercatoDb db, string marker) => Query(db, marker).ToListAsync();

    private static Task<string> NameAsync(MercatoDb db, string id, string marker) =>
        db.Set<Region>().TagWith($"{StatementRuns.Tag} {marker}").Where(r => r.Id == id).Select(r => r.Name).SingleAsync();

    private static SqliteStatementCache Cache(MercatoDb db) => SqliteStatementCache.Of(db.Database.GetDbConnection())!;
}

public sealed class SqliteStatementCacheOffTests(NoStatementCacheApp app) : IClassFixture<NoStatementCacheApp>
{
    [Fact]
    public async Task With_the_cache_off_every_execution_compiles_its_statement_again()
    {
        var marker = "m" + Guid.NewGuid().ToString("N");
        for (var lease = 0; lease < 4; lease++)
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            for (var run = 0; run < 2; run++)
            {
                await db.Set<Region>().TagWith($"{StatementRuns.Tag} {marker}").Select(r => r.Name).ToListAsync();
                Assert.Equal(1, app.Runs.Last(marker));
            }
        }
    }
}
