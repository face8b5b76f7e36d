using System.Net.Http.Headers;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Mercato.Api.Tests.Infrastructure;

/// <summary>
/// The real host over HTTP on a database of its own (one per test class), with a fake clock and a baseline shop:
/// a default sales channel with its publishable key, a USD region (US) and an EUR region (DE, FR).
/// </summary>
public abstract class MercatoApp(ITestDatabase database, string seed) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminKey = "sk_test_0123456789abcdefghijklmnopqrst";

    private string _connectionString = "";

    /// <summary>Advances 1 ms on every read, so ids and timestamps are distinct and ordered.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero))
    {
        AutoAdvanceAmount = TimeSpan.FromMilliseconds(1),
    };

    public DatabaseProvider Provider => database.Provider;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Store { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    public string ChannelId { get; private set; } = "";
    public string PublishableKey { get; private set; } = "";
    public string UsRegionId { get; private set; } = "";
    public string EuRegionId { get; private set; } = "";
    public Given Given => new(this);

    /// <summary>Seeding mode for this app's database: tests build their own data, except the demo seed tests.</summary>
    public string Seed => seed;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await database.CreateAsync();
        Anonymous = CreateClient();
        Admin = CreateClient();
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        if (Seed != "none" || !CreatesBaseline) return;
        var channel = await Admin.PostJsonAsync("/admin/sales-channels", new { name = "Test web", isDefault = true });
        ChannelId = channel["id"]!.GetValue<string>();
        PublishableKey = channel["publishableKeys"]![0]!["token"]!.GetValue<string>();
        Store = StoreClient(PublishableKey);
        UsRegionId = (await Admin.PostJsonAsync("/admin/regions", new { name = "United States", currency = "USD", countries = new[] { "US" } }))["id"]!.GetValue<string>();
        EuRegionId = (await Admin.PostJsonAsync("/admin/regions",
            new { name = "Eurozone", currency = "EUR", countries = new[] { "DE", "FR" }, taxRateBasisPoints = 2000, pricesIncludeTax = true }))["id"]!.GetValue<string>();
    }

    /// <summary>Whether <see cref="InitializeAsync"/> creates the baseline shop; an app restarted on a kept database already has it.</summary>
    protected virtual bool CreatesBaseline => true;

    /// <summary>Sees every SQL command the app sends; open a recording with <see cref="QueryCounter.Record"/>.</summary>
    public QueryCounter Queries { get; } = new();

    public HttpClient StoreClient(string publishableKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Publishable-Key", publishableKey);
        return client;
    }

    /// <summary>Runs every job that is due at <see cref="Clock"/>'s time, as the background worker would; returns how many ran.</summary>
    public Task<int> RunJobsAsync() => Services.GetRequiredService<Mercato.Kernel.Jobs.IJobRunner>().RunDueAsync(CancellationToken.None);

    /// <summary>A scope on the app's own services, for the few tests that look at the database directly.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Mercato:Database:Provider", Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres");
        builder.UseSetting("ConnectionStrings:Mercato", _connectionString);
        builder.UseSetting("Mercato:Seed", Seed);
        builder.UseSetting("MERCATO_BOOTSTRAP_ADMIN_KEY", AdminKey);
        builder.UseSetting("Mercato:MaxRequestBodyBytes", "262144");
        // Tests release holds and run recovery themselves, at the times they choose with Clock: a background sweep fired by
        // the fake clock would race the assertions.
        builder.UseSetting("Mercato:Inventory:HoldSweepSeconds", "0");
        builder.UseSetting("Mercato:Checkout:RecoverySeconds", "0");
        // Jobs run when a test calls RunJobsAsync, not on a background loop that would race the assertions.
        builder.UseSetting("Mercato:Jobs:PollMilliseconds", "0");
        // Nor does the outbox follower of the output cache: tests call it (OutboxCacheFollower.FollowAsync) when they mean to.
        builder.UseSetting("Mercato:Cache:FollowMilliseconds", "0");
        // Nor the facet index's load at start: the first facet request of a test loads it, at a known point.
        builder.UseSetting("Mercato:Search:WarmFacetIndex", "false");
        // Webhook receivers in tests listen on 127.0.0.1; the SSRF tests turn this off on an app of their own.
        builder.UseSetting("Mercato:Webhooks:AllowPrivateNetworks", "true");
        // Every test class shares one caller and one address: the real limits would throttle the suite. The rate-limit tests
        // set small ones on an app of their own.
        foreach (var limit in new[] { "Global", "Auth", "Codes" })
            builder.UseSetting($"Mercato:RateLimits:{limit}:PermitLimit", "1000000");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Queries);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DropAsync(_connectionString);
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : MercatoApp(new SqliteTestDatabase(), "none");

public sealed class PostgresApp() : MercatoApp(new PostgresTestDatabase(), "none");

/// <summary>Apps whose database starts with the demo seed, for the tests of the seed itself.</summary>
public sealed class SqliteDemoApp() : MercatoApp(new SqliteTestDatabase(), "demo");

public sealed class PostgresDemoApp() : MercatoApp(new PostgresTestDatabase(), "demo");

public interface ITestDatabase
{
    DatabaseProvider Provider { get; }
    Task<string> CreateAsync();
    Task DropAsync(string connectionString);
}

/// <summary>
/// A database that outlives its apps: created on first use, never dropped by an app, so a second app can start on what the
/// first left behind (a server restart). The test drops it with <see cref="DropNowAsync"/>.
/// </summary>
public sealed class KeptTestDatabase(ITestDatabase inner) : ITestDatabase
{
    private string? _connectionString;

    public DatabaseProvider Provider => inner.Provider;

    public async Task<string> CreateAsync() => _connectionString ??= await inner.CreateAsync();

    public Task DropAsync(string connectionString) => Task.CompletedTask;

    public Task DropNowAsync() => _connectionString is null ? Task.CompletedTask : inner.DropAsync(_connectionString);
}

/// <summary>A fresh SQLite file per app, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public Task<string> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mercato-tests");
        Directory.CreateDirectory(folder);
        return Task.FromResult($"Data Source={Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db")}");
    }

    public Task DropAsync(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        return Task.CompletedTask;
    }
}

/// <summary>A fresh database per app on the run's shared PostgreSQL server, dropped afterwards.</summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public async Task<string> CreateAsync()
    {
        var server = await PostgresServer.Shared;
        var name = "mercato_" + Guid.NewGuid().ToString("N");
        await server.CreateDatabaseAsync(name);
        return server.ConnectionString(name);
    }

    public async Task DropAsync(string connectionString)
    {
        var server = await PostgresServer.Shared;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
