using Mercato.Inventory.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Inventory.Levels;

/// <summary>
/// Gives the stock of abandoned carts back: releases expired holds every <c>Mercato:Inventory:HoldSweepSeconds</c>.
/// Holding already releases expired holds of the SKUs it touches, so the sweep only keeps levels and reports tidy.
/// </summary>
internal sealed partial class HoldSweeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<InventoryOptions> options,
    ILogger<HoldSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.HoldSweepSeconds;
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed sweep (a busy database, a dropped connection) must not stop the next ones.
                LogSweepFailed(log, e);
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var released = await scope.ServiceProvider.GetRequiredService<IStockReservations>().ReleaseExpiredHoldsAsync(time.GetUtcNow(), ct);
        if (released > 0) LogReleased(log, released);
        return released;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} expired stock holds")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired stock holds failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
