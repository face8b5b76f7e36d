using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mercato.Kernel.Jobs;

/// <summary><c>Mercato:Jobs:*</c>.</summary>
public sealed class JobOptions
{
    /// <summary>How long the worker waits when no job is due; 0 turns the background loop off.</summary>
    public int PollMilliseconds { get; set; } = 1000;
    /// <summary>Jobs one worker process runs at the same time.</summary>
    public int Concurrency { get; set; } = 2;
    /// <summary>How long a claimed job stays its worker's without a renewal; a dead worker's jobs are claimed again after it.</summary>
    public int LeaseSeconds { get; set; } = 60;
    /// <summary>Runs of a job whose handler throws before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>A job queued again every <see cref="Interval"/> after it ran (zero or less: disabled).</summary>
public sealed record RecurringJob(string Type, Func<IServiceProvider, TimeSpan> Interval);

public static class JobServices
{
    /// <summary>The queue and the runner; with <paramref name="runWorker"/> also the background worker (roles worker and all).</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, bool runWorker)
    {
        services.AddOptions<JobOptions>().Bind(configuration.GetSection("Mercato:Jobs"));
        services.TryAddScoped<IJobQueue, JobQueue>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<IJobRunner>(sp => sp.GetRequiredService<JobRunner>());
        if (runWorker) services.AddHostedService<JobWorker>();
        return services;
    }

    /// <summary>Registers the handler of the jobs of <paramref name="type"/>.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string type)
        where THandler : class, IJobHandler
    {
        services.AddKeyedScoped<IJobHandler, THandler>(type);
        return services;
    }

    /// <summary>Registers a handler that runs every <paramref name="interval"/> (read from settings when the worker starts).</summary>
    public static IServiceCollection AddRecurringJob<THandler>(this IServiceCollection services, string type,
        Func<IServiceProvider, TimeSpan> interval)
        where THandler : class, IJobHandler
    {
        services.AddJobHandler<THandler>(type);
        services.AddSingleton(new RecurringJob(type, interval));
        return services;
    }
}
