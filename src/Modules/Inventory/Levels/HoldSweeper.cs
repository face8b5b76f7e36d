using Mercato.Inventory.Contracts;
using Mercato.Kernel.Jobs;
using Microsoft.Extensions.Logging;

namespace Mercato.Inventory.Levels;

/// <summary>
/// Gives the stock of abandoned carts back: a recurring job that releases expired holds every
/// <c>Mercato:Inventory:HoldSweepSeconds</c>. Holding already releases expired holds of the SKUs it touches, so the
/// sweep only keeps levels and reports tidy.
/// </summary>
internal sealed partial class HoldSweeper(IStockReservations reservations, TimeProvider time, ILogger<HoldSweeper> log) : IJobHandler
{
    public const string JobType = "inventory.release_expired_holds";

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        var released = await reservations.ReleaseExpiredHoldsAsync(time.GetUtcNow(), ct);
        if (released > 0) LogReleased(log, released);
        return JobOutcome.Done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} expired stock holds")]
    private static partial void LogReleased(ILogger logger, int count);
}
