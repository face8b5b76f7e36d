using Microsoft.Extensions.Hosting;

namespace Mercato.Kernel.Hosting;

public static class HostStart
{
    /// <summary>
    /// Completes once the host has started (every hosted service started, the server listening), or is canceled with
    /// <paramref name="ct"/>. Background work that readiness does not need waits for it, so that it leaves the few cores of
    /// a small container to the start-up itself.
    /// </summary>
    public static async Task StartedAsync(this IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested) return;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStart = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStop = ct.Register(() => started.TrySetCanceled(ct));
        await started.Task;
    }
}
