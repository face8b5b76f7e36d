using Mercato.Kernel.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Kernel.Jobs;

/// <summary>
/// The background worker of the <c>worker</c> and <c>all</c> roles: <c>Mercato:Jobs:Concurrency</c> loops that each claim
/// and run due jobs, then poll every <c>Mercato:Jobs:PollMilliseconds</c> when none is due (0 turns the loop off: tests run
/// jobs themselves through <see cref="IJobRunner"/>).
/// </summary>
internal sealed partial class JobWorker(JobRunner runner, TimeProvider time, IOptions<JobOptions> options, IHostApplicationLifetime lifetime,
    ILogger<JobWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.PollMilliseconds;
        if (poll <= 0) return;
        // A backlog of jobs (after a busy day, or a restart) would otherwise take the cores the start-up needs.
        try
        {
            await lifetime.StartedAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        LogStarted(log, runner.WorkerName, options.Value.Concurrency);
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Concurrency))
            .Select(_ => LoopAsync(TimeSpan.FromMilliseconds(poll), stoppingToken)));
    }

    private async Task LoopAsync(TimeSpan poll, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await runner.RunOneAsync(ct)) continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy database or a dropped connection: the next round tries again.
                LogLoopFailed(log, e);
            }
            try
            {
                await Task.Delay(poll, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker {Worker} started with {Concurrency} loops")]
    private static partial void LogStarted(ILogger logger, string worker, int concurrency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job worker's loop failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
