using System.Collections.Concurrent;
using Mercato.Api.Tests.Infrastructure;
using Mercato.Kernel.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Operations.Jobs;

/// <summary>Every run of the test handlers: which job, which attempt, on which runner.</summary>
public sealed class JobRecorder
{
    public ConcurrentQueue<(string JobId, string Payload, int Attempt)> Runs { get; } = new();
    /// <summary>How many runs of <c>test.flaky</c> throw before one succeeds.</summary>
    public int FlakyFailures { get; set; }
}

internal sealed class RecordingJob(JobRecorder recorder) : IJobHandler
{
    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        // Long enough for a second worker to reach the same row while this run still holds it.
        await Task.Delay(5, ct);
        recorder.Runs.Enqueue((job.Id, job.Payload, job.Attempt));
        return JobOutcome.Done;
    }
}

internal sealed class FlakyJob(JobRecorder recorder) : IJobHandler
{
    public Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        recorder.Runs.Enqueue((job.Id, job.Payload, job.Attempt));
        if (job.Attempt <= recorder.FlakyFailures) throw new InvalidOperationException($"receiver down (attempt {job.Attempt})");
        return Task.FromResult(JobOutcome.Done);
    }
}

/// <summary>An app with test job handlers: <c>test.record</c>, <c>test.flaky</c> and the recurring <c>test.tick</c> (every 10 s).</summary>
public abstract class JobsApp(ITestDatabase database) : LoggedApp(database)
{
    public JobRecorder Recorder { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mercato:Jobs:MaxAttempts", "3");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Recorder);
            services.AddJobHandler<RecordingJob>("test.record");
            services.AddJobHandler<FlakyJob>("test.flaky");
            services.AddRecurringJob<RecordingJob>("test.tick", _ => TimeSpan.FromSeconds(10));
        });
    }
}

public sealed class SqliteJobsApp() : JobsApp(new SqliteTestDatabase());

public sealed class PostgresJobsApp() : JobsApp(new PostgresTestDatabase());
