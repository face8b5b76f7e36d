namespace Mercato.Kernel.Jobs;

/// <summary>A claimed job as its handler sees it. <see cref="Attempt"/> is 1 on the first run.</summary>
public sealed record JobContext(string Id, string Type, string Payload, int Attempt);

/// <summary>What a handler made of its run.</summary>
public abstract record JobOutcome
{
    private JobOutcome()
    {
    }

    public static JobOutcome Done { get; } = new Completed();

    /// <summary>Run again at <paramref name="at"/> (a retry that the handler schedules itself, such as a webhook's back-off).</summary>
    public static JobOutcome RetryAt(DateTimeOffset at, string reason) => new Retry(at, reason);

    /// <summary>Give up for good; the job stays visible as failed with <paramref name="reason"/>.</summary>
    public static JobOutcome Fail(string reason) => new Failed(reason);

    public sealed record Completed : JobOutcome;

    public sealed record Retry(DateTimeOffset At, string Reason) : JobOutcome;

    public sealed record Failed(string Reason) : JobOutcome;
}

/// <summary>
/// Runs the jobs of one type. Registered with <see cref="JobServices.AddJobHandler{T}"/> or
/// <see cref="JobServices.AddRecurringJob{T}"/>; resolved in a scope of its own for each run. A handler that throws is
/// retried with exponential back-off (up to <c>Mercato:Jobs:MaxAttempts</c>). Jobs run at least once: a worker that
/// dies mid-run loses its lease and another worker runs the job again, so handlers must be safe to repeat.
/// </summary>
public interface IJobHandler
{
    Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct);
}

/// <summary>Queues jobs in the <c>kernel_jobs</c> table.</summary>
public interface IJobQueue
{
    /// <summary>
    /// Adds a job to the scope's unit of work: it is written by the caller's next SaveChanges, together with the change
    /// that asked for it. Returns the job's id.
    /// </summary>
    string Enqueue(string type, string payload, DateTimeOffset? runAt = null);

    /// <summary>The job's state, or null when there is no such job.</summary>
    Task<JobStatus?> FindAsync(string id, CancellationToken ct);

    /// <summary>How many jobs are in each state, per type: for operators (CLI, health).</summary>
    Task<IReadOnlyList<JobCount>> CountsAsync(CancellationToken ct);

    /// <summary>The most recently failed jobs (dead: no retry left), newest first, for operators.</summary>
    Task<IReadOnlyList<JobStatus>> RecentFailuresAsync(int limit, CancellationToken ct);
}

public sealed record JobStatus(string Id, string Type, string State, int Attempts, DateTimeOffset RunAt, DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt, string? LastError);

public sealed record JobCount(string Type, string State, int Count);

/// <summary>The worker's loop body: claims and runs every job that is due now. Tests call it instead of waiting for the loop.</summary>
public interface IJobRunner
{
    /// <summary>Runs due jobs until none is left; returns how many runs it made.</summary>
    Task<int> RunDueAsync(CancellationToken ct);
}

/// <summary>Job states as stored.</summary>
public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
