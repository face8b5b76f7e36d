using Mercato.Inventory.Contracts;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Mercato.Payments.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Checkout;

/// <summary>
/// Finishes or rolls back checkouts that a crash left half done: an authorized payment without an order is completed when
/// its cart can still be completed, else voided and its stock released. Expired stock holds are released too.
/// </summary>
internal sealed partial class CheckoutRecovery(MercatoDb db, IPayments payments, IStockReservations stock, CartCompletion completion,
    TimeProvider time, IOptions<CheckoutOptions> options, ILogger<CheckoutRecovery> log)
{
    public sealed record Outcome(int HoldsReleased, int Completed, int Voided);

    public async Task<Outcome> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var holdsReleased = await stock.ReleaseExpiredHoldsAsync(now, ct);
        var (completed, voided) = (0, 0);
        foreach (var payment in await payments.FindAuthorizedWithoutOrderAsync(now.AddMinutes(-options.Value.AbandonedPaymentMinutes), ct))
        {
            var session = await db.Set<CheckoutSession>().AsNoTracking().SingleOrDefaultAsync(s => s.CartId == payment.CartId, ct);
            if (session is not null && session.PaymentId == payment.Id)
            {
                var result = await completion.CompleteAsync(payment.CartId, session.SalesChannelId, ct);
                if (result.Error is null)
                {
                    completed++;
                    continue;
                }
                if (result.Error.Code == "checkout_in_progress") continue;
                LogNotCompleted(log, payment.CartId, result.Error.Code);
            }
            await completion.CompensateAsync(payment.CartId, payment);
            voided++;
        }
        if (holdsReleased + completed + voided > 0) LogRecovered(log, holdsReleased, completed, voided);
        return new Outcome(holdsReleased, completed, voided);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery could not complete cart {CartId} ({Code}); voiding its payment")]
    private static partial void LogNotCompleted(ILogger logger, string cartId, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout recovery: {Holds} expired holds released, {Completed} orders placed, {Voided} payments voided")]
    private static partial void LogRecovered(ILogger logger, int holds, int completed, int voided);
}

/// <summary>Runs <see cref="CheckoutRecovery"/> as a recurring job every <c>RecoverySeconds</c> (0 turns it off).</summary>
internal sealed class CheckoutRecoveryJob(CheckoutRecovery recovery) : IJobHandler
{
    public const string JobType = "checkout.recover";

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        await recovery.RunOnceAsync(ct);
        return JobOutcome.Done;
    }
}
