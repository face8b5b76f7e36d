using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Kernel.Jobs;

internal sealed class JobQueue(MercatoDb db, TimeProvider time) : IJobQueue
{
    public string Enqueue(string type, string payload, DateTimeOffset? runAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var now = time.GetUtcNow();
        var job = new Job(type, payload, runAt ?? now, now, time);
        db.Add(job);
        return job.Id;
    }

    public async Task<JobStatus?> FindAsync(string id, CancellationToken ct) =>
        (await db.Set<Job>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct))?.ToStatus();

    public async Task<IReadOnlyList<JobCount>> CountsAsync(CancellationToken ct) =>
        // Ordered before the projection: EF cannot translate an ORDER BY on a record built by its constructor.
        await db.Set<Job>().AsNoTracking().GroupBy(j => new { j.Type, j.State })
            .OrderBy(g => g.Key.Type).ThenBy(g => g.Key.State)
            .Select(g => new JobCount(g.Key.Type, g.Key.State, g.Count()))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<JobStatus>> RecentFailuresAsync(int limit, CancellationToken ct)
    {
        var failed = await db.Set<Job>().AsNoTracking().Where(j => j.State == JobStates.Failed)
            .OrderByDescending(j => j.FinishedAt).ThenByDescending(j => j.Id).Take(limit).ToListAsync(ct);
        return [.. failed.Select(j => j.ToStatus())];
    }
}
