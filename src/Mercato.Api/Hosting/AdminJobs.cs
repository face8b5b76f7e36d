using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mercato.Api.Hosting;

/// <summary>The job queue as operators see it (<c>mercato status</c>): counts per type and state, the last failures, one job.</summary>
internal static class AdminJobs
{
    public const int FailuresShown = 20;

    public sealed record JobsOverview(IReadOnlyList<JobCount> Counts, IReadOnlyList<JobStatus> RecentFailures);

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/jobs").WithTags("Jobs").RequirePermissions(Permissions.JobsRead, Permissions.JobsRead);
        group.MapGet("/", Overview).WithName("GetJobsOverview")
            .WithSummary($"Jobs per type and state, and the last {FailuresShown} failed jobs");
        group.MapGet("/{id}", Get).WithName("GetJob").WithSummary("One job: type, state, attempts, last error");
    }

    private static async Task<Ok<JobsOverview>> Overview(IJobQueue jobs, CancellationToken ct) =>
        TypedResults.Ok(new JobsOverview(await jobs.CountsAsync(ct), await jobs.RecentFailuresAsync(FailuresShown, ct)));

    private static async Task<Results<Ok<JobStatus>, ProblemHttpResult>> Get(string id, IJobQueue jobs, CancellationToken ct) =>
        await jobs.FindAsync(id, ct) is { } job ? TypedResults.Ok(job) : Error.NotFound("job", id).ToProblem();
}
