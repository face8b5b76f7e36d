using System.Net;
using System.Reflection;
using Mercato.Api.Tests.Infrastructure;
using Mercato.Api.Tests.Operations.Jobs;
using Mercato.Kernel.Caching;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Api.Tests.Operations;

/// <summary>What a server does between its start and its first answer, on a database a first start left behind.</summary>
public abstract class StartupTests(Func<ITestDatabase> newDatabase) : IAsyncLifetime
{
    private readonly KeptTestDatabase _database = new(newDatabase());

    [Fact]
    public async Task A_restart_on_an_up_to_date_database_checks_the_migrations_without_taking_their_lock()
    {
        await using (var first = new KeptApp(_database, createsBaseline: true))
        {
            await first.InitializeAsync();
        }

        await using var second = new KeptApp(_database, createsBaseline: false);
        using (second.Queries.Record(out var commands))
        {
            await second.InitializeAsync();
            Assert.Equal(HttpStatusCode.OK, (await second.Anonymous.GetAsync("/health/ready")).StatusCode);
            Assert.Contains(commands, c => c.Contains("__EFMigrationsHistory", StringComparison.Ordinal));
            // The lock: a row in __EFMigrationsLock on SQLite, LOCK TABLE "__EFMigrationsHistory" on PostgreSQL.
            Assert.DoesNotContain(commands, c => c.Contains("__EFMigrationsLock", StringComparison.Ordinal)
                || c.Contains("LOCK TABLE", StringComparison.OrdinalIgnoreCase));
        }
        Assert.Equal(HttpStatusCode.OK, (await second.Admin.GetAsync("/admin/products")).StatusCode);
    }

    [Fact]
    public async Task Jobs_left_queued_by_a_stopped_server_run_once_the_next_one_has_started()
    {
        string jobId;
        await using (var first = new KeptJobsApp(_database, pollMilliseconds: 0, createsBaseline: true))
        {
            await first.InitializeAsync();
            await using var scope = first.Scope();
            jobId = scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue("test.record", "left behind");
            await scope.ServiceProvider.GetRequiredService<MercatoDb>().SaveChangesAsync();
        }

        // The worker's own loop this time (not RunJobsAsync), a minute later.
        await using var second = new KeptJobsApp(_database, pollMilliseconds: 20, createsBaseline: false);
        second.Clock.Advance(TimeSpan.FromMinutes(1));
        await second.InitializeAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!second.Recorder.Runs.Any(r => r.JobId == jobId) && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(20);

        Assert.Single(second.Recorder.Runs, r => r.JobId == jobId);
    }

    [Fact]
    public async Task The_in_memory_output_cache_is_bounded_by_the_size_limit_setting()
    {
        await using var byDefault = new KeptApp(_database, createsBaseline: true);
        await byDefault.InitializeAsync();
        await using var configured = new KeptApp(_database, createsBaseline: false, ("Mercato:Cache:SizeLimitMegabytes", "8"));
        await configured.InitializeAsync();

        Assert.Equal(32L * 1024 * 1024, byDefault.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit);
        Assert.Equal(8L * 1024 * 1024, configured.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit);
        // Past the same size, answers are stored at their second read only (AdmittingOutputCacheStore's unit tests).
        var store = Assert.IsType<AdmittingOutputCacheStore>(configured.Services.GetRequiredService<IOutputCacheStore>());
        Assert.Equal(8L * 1024 * 1024, store.CapacityBytes);
        Assert.Equal("MemoryOutputCacheStore", store.Store.GetType().Name);
    }

    [Fact]
    public async Task Every_module_endpoint_runs_a_request_delegate_generated_at_compile_time()
    {
        await using var app = new KeptApp(_database, createsBaseline: true);
        await app.InitializeAsync();

        // Without the Request Delegate Generator each handler's delegate is compiled from an expression tree on the first
        // request: most of the CPU between the start and the first answer. A handler shape it cannot generate falls back to that.
        var handlers = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Assembly.GetName().Name?.StartsWith("Mercato.", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(handlers.Count > 150, $"only {handlers.Count} module endpoints found");
        var compiledAtRuntime = handlers.Where(e => e.RequestDelegate?.Method.DeclaringType?.Namespace != "Microsoft.AspNetCore.Http.Generated")
            .Select(e => e.DisplayName).ToList();
        Assert.Empty(compiledAtRuntime);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _database.DropNowAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class KeptApp(ITestDatabase database, bool createsBaseline, params (string Key, string Value)[] settings)
        : MercatoApp(database, "none")
    {
        protected override bool CreatesBaseline => createsBaseline;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    private sealed class KeptJobsApp(ITestDatabase database, int pollMilliseconds, bool createsBaseline) : JobsApp(database)
    {
        protected override bool CreatesBaseline => createsBaseline;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mercato:Jobs:PollMilliseconds", pollMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

public sealed class StartupOnSqlite() : StartupTests(() => new SqliteTestDatabase());

public sealed class StartupOnPostgres() : StartupTests(() => new PostgresTestDatabase());
