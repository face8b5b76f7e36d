using Mercato.Kernel.Persistence;
using Mercato.Payments.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mercato.Checkout;

/// <summary>
/// A provider's webhook authorized a payment: place the order even if the shopper's browser never returns.
/// It goes through the same completion as the storefront, so the two paths converge on one order.
/// </summary>
internal sealed partial class CompleteOnAuthorization(MercatoDb db, CartCompletion completion, ILogger<CompleteOnAuthorization> log)
    : IPaymentAuthorizedListener
{
    public async Task OnAuthorizedAsync(PaymentView payment, CancellationToken ct)
    {
        var session = await db.Set<CheckoutSession>().AsNoTracking().SingleOrDefaultAsync(s => s.CartId == payment.CartId, ct);
        if (session is null || session.PaymentId != payment.Id || session.State == CheckoutState.Placed) return;
        var result = await completion.CompleteAsync(payment.CartId, session.SalesChannelId, ct);
        if (result.Error is { } error) LogNotCompleted(log, payment.CartId, error.Code);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment authorized by webhook but cart {CartId} not completed: {Code}")]
    private static partial void LogNotCompleted(ILogger logger, string cartId, string code);
}
