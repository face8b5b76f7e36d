using Mercato.Api.Tests.Security;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Jobs;

/// <summary>GET /admin/jobs and /admin/jobs/{id}: the queue as operators see it.</summary>
public abstract class AdminJobsTests(MercatoApp app)
{
    [Fact]
    public async Task The_overview_counts_jobs_per_type_and_state_and_lists_the_last_failures()
    {
        var type = Given.Unique("test.unhandled");
        var failedId = await EnqueueAsync(type);
        await app.RunJobsAsync();
        var queuedId = await EnqueueAsync(type, app.Clock.GetUtcNow().AddDays(1));

        var overview = await app.Admin.GetJsonAsync("/admin/jobs");
        var failed = await app.Admin.GetJsonAsync($"/admin/jobs/{failedId}");
        var queued = await app.Admin.GetJsonAsync($"/admin/jobs/{queuedId}");

        var counts = overview.Arr("counts").Where(c => c!.Str("type") == type).ToDictionary(c => c!.Str("state"), c => c!.Int("count"));
        Assert.Equal(new Dictionary<string, int> { ["failed"] = 1, ["queued"] = 1 }, counts);
        var failure = Assert.Single(overview.Arr("recentFailures"), f => f!.Str("type") == type)!;
        Assert.Equal(failedId, failure.Str("id"));
        Assert.Contains("No handler", failure.Str("lastError"), StringComparison.Ordinal);
        Assert.Equal("failed", failed.Str("state"));
        Assert.Equal("queued", queued.Str("state"));
        await (await app.Admin.GetAsync("/admin/jobs/job_missing")).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Reading_the_job_queue_needs_jobs_read()
    {
        var (ordersOnly, _) = await app.KeyAsync(scopes: ["orders:read"]);
        var (operatorKey, _) = await app.KeyAsync(scopes: ["jobs:read"]);

        await (await ordersOnly.GetAsync("/admin/jobs")).ShouldBeProblemAsync(403, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await operatorKey.GetAsync("/admin/jobs")).StatusCode);
    }

    private async Task<string> EnqueueAsync(string type, DateTimeOffset? runAt = null)
    {
        await using var scope = app.Scope();
        var id = scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue(type, "{}", runAt);
        await scope.ServiceProvider.GetRequiredService<MercatoDb>().SaveChangesAsync();
        return id;
    }
}

public sealed class AdminJobsOnSqlite(SqliteApp app) : AdminJobsTests(app), IClassFixture<SqliteApp>;

public sealed class AdminJobsOnPostgres(PostgresApp app) : AdminJobsTests(app), IClassFixture<PostgresApp>;
