using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Kernel.Jobs;

/// <summary>
/// Claims due jobs one at a time and runs them. A claim is one UPDATE: on PostgreSQL its sub-select takes the row with
/// <c>FOR UPDATE SKIP LOCKED</c>, so workers sharing a database never claim the same job while its lease runs; on SQLite the
/// single writer gives the same. A job whose worker died (its lease ran out without being renewed) is claimed again.
/// </summary>
internal sealed partial class JobRunner(IServiceScopeFactory scopes, TimeProvider time, IOptions<JobOptions> options,
    IEnumerable<RecurringJob> recurring, ILogger<JobRunner> log) : IJobRunner
{
    private readonly string _worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    private bool _recurringEnsured;

    /// <summary>Names this runner in <c>locked_by</c>; tests make two runners to play two workers.</summary>
    public string WorkerName => _worker;

    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var runs = 0;
        // A cap rather than "until empty": a handler that keeps rescheduling itself for now must not hold the caller forever.
        while (runs < 1000 && await RunOneAsync(ct)) runs++;
        return runs;
    }

    /// <summary>Claims and runs one due job; false when none is due.</summary>
    public async Task<bool> RunOneAsync(CancellationToken ct)
    {
        await EnsureRecurringAsync(ct);
        var job = await ClaimAsync(ct);
        if (job is null) return false;
        await RunAsync(job, ct);
        return true;
    }

    internal async Task<Job?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var now = time.GetUtcNow();
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        // A read first: an idle poll then takes no write lock (SQLite has one writer, shared with the API's requests).
        var due = await db.Set<Job>().AnyAsync(j => (j.State == JobStates.Queued && j.RunAt <= now)
            || (j.State == JobStates.Running && j.LockedUntil < now), ct);
        if (!due) return null;
        var skipLocked = db.OnSqlite ? "" : " FOR UPDATE SKIP LOCKED";
        // Only the lock clause is spliced in, a constant; the values go as parameters.
#pragma warning disable EF1002
        var claimed = await db.Set<Job>().FromSqlRaw(
                $$"""
                 UPDATE kernel_jobs SET state = 'running', locked_by = {0}, locked_until = {1}, attempts = attempts + 1
                 WHERE id = (
                     SELECT id FROM kernel_jobs
                     WHERE (state = 'queued' AND run_at <= {2}) OR (state = 'running' AND locked_until < {2})
                     ORDER BY run_at, id
                     LIMIT 1{{skipLocked}})
                 RETURNING *
                 """, _worker, db.SqlTime(until), db.SqlTime(now))
            .AsNoTracking()
            .ToListAsync(ct);
#pragma warning restore EF1002
        return claimed.SingleOrDefault();
    }

    private async Task RunAsync(Job job, CancellationToken ct)
    {
        JobOutcome outcome;
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewLeaseAsync(job.Id, heartbeat.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetKeyedService<IJobHandler>(job.Type);
            outcome = handler is null
                ? JobOutcome.Fail($"No handler is registered for job type '{job.Type}'.")
                : await handler.RunAsync(new JobContext(job.Id, job.Type, job.Payload, job.Attempts), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogJobThrew(log, job.Type, job.Id, job.Attempts, e);
            outcome = job.Attempts >= options.Value.MaxAttempts
                ? JobOutcome.Fail(Truncate(e.Message))
                : JobOutcome.RetryAt(time.GetUtcNow() + Backoff(job.Attempts), Truncate(e.Message));
        }
        finally
        {
            await heartbeat.CancelAsync();
            await renewing;
        }
        await FinishAsync(job, outcome, ct);
    }

    /// <summary>2, 4, 8... seconds, at most an hour, with up to 20% jitter so that retries of one outage spread out.</summary>
    internal static TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(3600, Math.Pow(2, Math.Min(attempt, 12)));
        return TimeSpan.FromSeconds(seconds * (1 + Random.Shared.NextDouble() * 0.2));
    }

    private async Task FinishAsync(Job job, JobOutcome outcome, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var now = time.GetUtcNow();
        var mine = db.Set<Job>().Where(j => j.Id == job.Id && j.LockedBy == _worker && j.State == JobStates.Running);
        // Only while this worker still holds the job: after a lost lease the job belongs to whoever claimed it next.
        var updated = outcome switch
        {
            JobOutcome.Completed when job.RecurSeconds is { } every => await mine.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobStates.Queued).SetProperty(j => j.RunAt, now.AddSeconds(every))
                .SetProperty(j => j.Attempts, 0).SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null).SetProperty(j => j.LastError, (string?)null)
                .SetProperty(j => j.FinishedAt, now), ct),
            JobOutcome.Completed => await mine.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobStates.Succeeded).SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null).SetProperty(j => j.FinishedAt, now), ct),
            JobOutcome.Retry retry => await mine.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobStates.Queued).SetProperty(j => j.RunAt, retry.At)
                .SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.LastError, Truncate(retry.Reason)), ct),
            JobOutcome.Failed failed when job.RecurSeconds is { } every => await mine.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobStates.Queued).SetProperty(j => j.RunAt, now.AddSeconds(every))
                .SetProperty(j => j.Attempts, 0).SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null).SetProperty(j => j.LastError, Truncate(failed.Reason)), ct),
            JobOutcome.Failed failed => await mine.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobStates.Failed).SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null).SetProperty(j => j.LastError, Truncate(failed.Reason))
                .SetProperty(j => j.FinishedAt, now), ct),
            _ => throw new InvalidOperationException($"Unknown job outcome {outcome}."),
        };
        if (updated == 0) LogLeaseLost(log, job.Type, job.Id);
        else if (outcome is JobOutcome.Failed f) LogJobFailed(log, job.Type, job.Id, f.Reason);
    }

    /// <summary>Pushes the lease ahead while the handler runs, so that only a dead worker's jobs are claimed again.</summary>
    private async Task RenewLeaseAsync(string jobId, CancellationToken ct)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.LeaseSeconds / 3.0));
        try
        {
            while (true)
            {
                await Task.Delay(period, time, ct);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
                var until = time.GetUtcNow().AddSeconds(options.Value.LeaseSeconds);
                await db.Set<Job>().Where(j => j.Id == jobId && j.LockedBy == _worker)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, until), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    /// <summary>One row per enabled recurring job (inserted once, interval kept in step with the settings); disabled ones removed.</summary>
    private async Task EnsureRecurringAsync(CancellationToken ct)
    {
        if (_recurringEnsured) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var existing = await db.Set<Job>().Where(j => j.Key != null).ToDictionaryAsync(j => j.Key!, ct);
        var now = time.GetUtcNow();
        foreach (var definition in recurring)
        {
            var seconds = (int)Math.Ceiling(definition.Interval(scope.ServiceProvider).TotalSeconds);
            existing.TryGetValue(definition.Type, out var row);
            if (seconds <= 0)
            {
                if (row is not null) db.Remove(row);
                continue;
            }
            if (row is null)
                await InsertIfAbsentAsync(db, new Job(definition.Type, "", now.AddSeconds(seconds), now, time) { Key = definition.Type, RecurSeconds = seconds }, ct);
            else if (row.RecurSeconds != seconds)
                row.RecurSeconds = seconds;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another worker changed the same rows first: theirs serve.
        }
        _recurringEnsured = true;
    }

    /// <summary>
    /// Inserts a recurring job's row unless another worker has: on a fresh database the first start's workers raced, and the
    /// loser's failed insert was logged as an error although nothing was wrong.
    /// </summary>
    private static Task<int> InsertIfAbsentAsync(MercatoDb db, Job job, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO kernel_jobs (id, type, payload, key, state, run_at, attempts, created_at, recur_seconds)
            VALUES ({job.Id}, {job.Type}, {job.Payload}, {job.Key}, {job.State}, {db.SqlTime(job.RunAt)}, {0}, {db.SqlTime(job.CreatedAt)}, {job.RecurSeconds})
            ON CONFLICT (key) DO NOTHING
            """, ct);

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Type} {JobId} threw on attempt {Attempt}")]
    private static partial void LogJobThrew(ILogger logger, string type, string jobId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Type} {JobId} failed: {Reason}")]
    private static partial void LogJobFailed(ILogger logger, string type, string jobId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Type} {JobId} finished after its lease ran out; the worker that claimed it next decides")]
    private static partial void LogLeaseLost(ILogger logger, string type, string jobId);
}
