using Mercato.Api.Tests.Infrastructure;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Api.Tests.Operations.Jobs;

public abstract class JobQueueTests(JobsApp app)
{
    private async Task<string[]> EnqueueAsync(string type, int count)
    {
        await using var scope = app.Scope();
        var queue = scope.ServiceProvider.GetRequiredService<IJobQueue>();
        var ids = Enumerable.Range(0, count).Select(i => queue.Enqueue(type, $"payload-{i}")).ToArray();
        await scope.ServiceProvider.GetRequiredService<MercatoDb>().SaveChangesAsync();
        return ids;
    }

    private async Task<JobStatus> StatusAsync(string id)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<IJobQueue>().FindAsync(id, CancellationToken.None))!;
    }

    private JobRunner NewWorker() => new(
        app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<TimeProvider>(),
        app.Services.GetRequiredService<IOptions<JobOptions>>(), app.Services.GetServices<RecurringJob>(),
        app.Services.GetRequiredService<ILogger<JobRunner>>());

    private int RunsOf(string jobId) => app.Recorder.Runs.Count(r => r.JobId == jobId);

    [Fact]
    public async Task A_queued_job_runs_once_and_is_marked_succeeded()
    {
        var id = (await EnqueueAsync("test.record", 1))[0];

        Assert.Equal(JobStates.Queued, (await StatusAsync(id)).State);
        await app.RunJobsAsync();
        await app.RunJobsAsync();

        Assert.Equal(1, RunsOf(id));
        var status = await StatusAsync(id);
        Assert.Equal(JobStates.Succeeded, status.State);
        Assert.Equal(1, status.Attempts);
        Assert.NotNull(status.FinishedAt);
    }

    [Fact]
    public async Task A_job_enqueued_for_later_waits_for_its_time()
    {
        string id;
        await using (var scope = app.Scope())
        {
            id = scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue("test.record", "later", app.Clock.GetUtcNow().AddMinutes(5));
            await scope.ServiceProvider.GetRequiredService<MercatoDb>().SaveChangesAsync();
        }

        await app.RunJobsAsync();
        Assert.Equal(0, RunsOf(id));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.RunJobsAsync();
        Assert.Equal(1, RunsOf(id));
    }

    [Fact]
    public async Task A_job_that_throws_is_retried_after_a_back_off_then_succeeds()
    {
        app.Recorder.FlakyFailures = 1;
        var id = (await EnqueueAsync("test.flaky", 1))[0];

        await app.RunJobsAsync();
        var afterFailure = await StatusAsync(id);
        Assert.Equal(JobStates.Queued, afterFailure.State);
        Assert.Contains("receiver down", afterFailure.LastError);
        Assert.True(afterFailure.RunAt > app.Clock.GetUtcNow(), "the retry waits for its back-off");

        await app.RunJobsAsync();
        Assert.Equal(1, RunsOf(id));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.RunJobsAsync();
        Assert.Equal(2, RunsOf(id));
        Assert.Equal(JobStates.Succeeded, (await StatusAsync(id)).State);
    }

    [Fact]
    public async Task A_job_that_keeps_throwing_fails_after_the_maximum_attempts()
    {
        app.Recorder.FlakyFailures = 100;
        var id = (await EnqueueAsync("test.flaky", 1))[0];

        for (var i = 0; i < 5; i++)
        {
            await app.RunJobsAsync();
            app.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(3, RunsOf(id));
        var status = await StatusAsync(id);
        Assert.Equal(JobStates.Failed, status.State);
        Assert.Contains("attempt 3", status.LastError);
    }

    [Fact]
    public async Task A_dead_workers_job_is_claimed_again_once_its_lease_runs_out()
    {
        var id = (await EnqueueAsync("test.record", 1))[0];
        var doomed = NewWorker();

        // The worker claims the job and dies before running it: nobody renews its lease.
        var claimed = await doomed.ClaimAsync(CancellationToken.None);
        Assert.Equal(id, claimed!.Id);
        Assert.Equal(JobStates.Running, (await StatusAsync(id)).State);

        await app.RunJobsAsync();
        Assert.Equal(0, RunsOf(id));

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await app.RunJobsAsync();

        Assert.Equal(1, RunsOf(id));
        var status = await StatusAsync(id);
        Assert.Equal(JobStates.Succeeded, status.State);
        Assert.Equal(2, status.Attempts);
    }

    [Fact]
    public async Task Several_workers_on_one_database_run_each_job_exactly_once()
    {
        await app.RunJobsAsync();
        var ids = await EnqueueAsync("test.record", 120);
        var workers = Enumerable.Range(0, 4).Select(_ => NewWorker()).ToList();

        var runs = await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunDueAsync(CancellationToken.None))));

        Assert.Equal(ids.Length, runs.Sum());
        Assert.All(ids, id => Assert.Equal(1, RunsOf(id)));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        Assert.Equal(ids.Length, await db.Set<Job>().CountAsync(j => ids.Contains(j.Id) && j.State == JobStates.Succeeded));
        Assert.True(await db.Set<Job>().Where(j => ids.Contains(j.Id)).AllAsync(j => j.Attempts == 1));
    }

    [Fact]
    public async Task Workers_that_set_up_the_recurring_jobs_at_once_make_one_row_and_log_no_error()
    {
        // Every worker sets the rows up at its first poll: on a fresh database they raced, and the loser's insert was
        // logged as an error.
        var start = app.Clock.GetUtcNow();
        for (var round = 0; round < 5; round++)
        {
            await using (var scope = app.Scope())
                await scope.ServiceProvider.GetRequiredService<MercatoDb>().Set<Job>().Where(j => j.Key == "test.tick").ExecuteDeleteAsync();
            var workers = Enumerable.Range(0, 4).Select(_ => NewWorker()).ToList();
            await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunOneAsync(CancellationToken.None))));
        }

        await using var check = app.Scope();
        var row = Assert.Single(await check.ServiceProvider.GetRequiredService<MercatoDb>().Set<Job>().AsNoTracking()
            .Where(j => j.Key == "test.tick").ToListAsync());
        Assert.Equal((JobStates.Queued, 10, "test.tick"), (row.State, row.RecurSeconds, row.Type));
        Assert.InRange(row.RunAt, start.AddSeconds(10), app.Clock.GetUtcNow().AddSeconds(10));
        var errors = app.Logs.Lines.Where(l => l.Level >= LogLevel.Error && l.ToString().Contains("kernel_jobs", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(2)));
    }

    [Fact]
    public async Task A_recurring_job_runs_once_per_interval()
    {
        string RecurringId()
        {
            using var scope = app.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<MercatoDb>().Set<Job>().Single(j => j.Key == "test.tick").Id;
        }

        await app.RunJobsAsync();
        var id = RecurringId();
        var before = RunsOf(id);

        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        Assert.Equal(before + 1, RunsOf(id));

        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await app.RunJobsAsync();
        Assert.Equal(before + 2, RunsOf(id));
        Assert.Equal(JobStates.Queued, (await StatusAsync(id)).State);
    }
}

public sealed class JobQueueOnSqlite(SqliteJobsApp app) : JobQueueTests(app), IClassFixture<SqliteJobsApp>;

public sealed class JobQueueOnPostgres(PostgresJobsApp app) : JobQueueTests(app), IClassFixture<PostgresJobsApp>;
