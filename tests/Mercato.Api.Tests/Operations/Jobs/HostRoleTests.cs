using System.Net;
using Mercato.Api.Tests.Infrastructure;
using Mercato.Kernel.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mercato.Api.Tests.Operations.Jobs;

/// <summary>An app started with <c>Mercato:Role</c> (what <c>--role</c> sets).</summary>
public abstract class RoleApp(string role, string seed = "none") : MercatoApp(new SqliteTestDatabase(), seed)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mercato:Role", role);
    }

    public bool RunsJobWorker => Services.GetServices<IHostedService>().Any(s => s.GetType().Name == "JobWorker");
}

/// <summary>A worker node serves no API, so its shop cannot be set up over HTTP: it starts from the demo seed.</summary>
public sealed class WorkerRoleApp() : RoleApp("worker", "demo");

public sealed class ApiRoleApp() : RoleApp("api");

public sealed class AllRolesApp() : RoleApp("all");

public sealed class HostRoleTests
{
    [Fact]
    public async Task The_api_role_serves_the_apis_without_a_job_worker()
    {
        await using var app = new ApiRoleApp();
        await app.InitializeAsync();

        Assert.Equal(HttpStatusCode.OK, (await app.Admin.GetAsync("/admin/products")).StatusCode);
        Assert.False(app.RunsJobWorker);
    }

    [Fact]
    public async Task The_worker_role_runs_jobs_and_answers_only_the_health_checks()
    {
        await using var app = new WorkerRoleApp();
        await app.InitializeAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.GetAsync("/admin/products")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync("/docs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.True(app.RunsJobWorker);
    }

    [Fact]
    public async Task The_all_role_serves_the_apis_and_runs_the_worker()
    {
        await using var app = new AllRolesApp();
        await app.InitializeAsync();

        Assert.Equal(HttpStatusCode.OK, (await app.Admin.GetAsync("/admin/products")).StatusCode);
        Assert.True(app.RunsJobWorker);
        Assert.NotNull(app.Services.GetService<IJobRunner>());
    }
}
