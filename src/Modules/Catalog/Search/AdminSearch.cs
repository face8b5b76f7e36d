using Mercato.Catalog.Contracts;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Catalog.Search;

/// <summary>The queued answer to a reindex request: follow the job at <c>/admin/jobs/{jobId}</c>.</summary>
internal sealed record ReindexResponse(string JobId);

/// <summary>Operators' control of the search index.</summary>
internal static class AdminSearch
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPost("/search/reindex", Reindex).WithTags("Search").WithName("ReindexSearch")
            .WithSummary("Queue a rebuild of the product search index from the catalog")
            .WithDescription("The index follows every product change in the change's own transaction; a rebuild is only needed " +
                "after products were written around the API. Answers 202 with the job to follow at /admin/jobs/{jobId}.")
            .RequirePermission(Permissions.CatalogWrite);

    private static async Task<Accepted<ReindexResponse>> Reindex(MercatoDb db, IJobQueue jobs, CancellationToken ct)
    {
        var id = jobs.Enqueue(SearchReindexJob.JobType, "{}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/admin/jobs/{id}", new ReindexResponse(id));
    }
}

/// <summary>Rebuilds the search index (safe to repeat: a rebuild starts from scratch).</summary>
internal sealed class SearchReindexJob(ICatalogSearchIndex index) : IJobHandler
{
    public const string JobType = "catalog.search_reindex";

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        await index.RebuildAsync(ct);
        return JobOutcome.Done;
    }
}
