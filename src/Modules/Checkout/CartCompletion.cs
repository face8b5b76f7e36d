using Mercato.Carts.Contracts;
using Mercato.GiftCards.Contracts;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Mercato.Orders.Contracts;
using Mercato.Payments.Contracts;
using Mercato.Promotions.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Checkout;

/// <summary>The order of a completed cart; <see cref="IsNew"/> is false when an earlier completion had placed it.</summary>
internal sealed record CompletedCheckout(PlacedOrder Placed, bool IsNew);

/// <summary>
/// Completes a cart: holds stock, authorizes the payment and places the order as one unit, with compensations
/// (release the stock, void the payment) whenever a later step fails. The storefront's completion, the provider's webhook
/// and crash recovery all come through here, serialized per cart by the session's lease, so a cart gets one order at most.
/// </summary>
internal sealed partial class CartCompletion(MercatoDb db, ICartCheckout carts, IStockReservations stock, IPayments payments,
    IOrderPlacement orders, IGiftCardRedemptions giftCards, TimeProvider time, IOptions<CheckoutOptions> options, ILogger<CartCompletion> log,
    IServiceProvider services)
{
    public Task<Result<CompletedCheckout>> CompleteAsync(string cartId, string salesChannelId, CancellationToken ct) =>
        CompleteAsync(cartId, carts.RefreshAsync(cartId, salesChannelId, ct), ct);

    /// <summary>The storefront's completion: a cart <paramref name="caller"/> may not reach is not found.</summary>
    public Task<Result<CompletedCheckout>> CompleteAsync(string cartId, StoreCaller caller, CancellationToken ct) =>
        CompleteAsync(cartId, carts.RefreshAsync(cartId, caller, ct), ct);

    private async Task<Result<CompletedCheckout>> CompleteAsync(string cartId, Task<CheckoutCart?> refresh, CancellationToken ct)
    {
        var cart = await refresh;
        if (cart is null) return Error.NotFound("cart", cartId);
        if (cart.OrderId is not null) return await ExistingOrderAsync(cartId, ct);
        if (CheckoutRules.Readiness(cart) is { } notReady) return notReady;
        if (CheckoutRules.GiftCardsAllowed(cart) is { } notAllowed) return notAllowed;
        // A card on the cart that pays nothing while something is left to pay (spent by another order since it was applied)
        // fails the completion the same way whichever order got there first, instead of leaving its share to a payment
        // nobody started. (A card can also pay nothing because the cards before it cover the total: that is fine.)
        if (cart.AmountDue > 0 && cart.GiftCards.Any(g => g.Amount == 0)) return GiftCardProblems.Invalid();
        // A code that stopped applying (used up by another order since it was applied) fails before any payment is taken.
        if (CheckoutRules.CodesStillApply(cart) is { } codeGone) return codeGone;
        // Gift cards pay it all: there is no payment to start, so completion opens the session itself.
        if (cart.AmountDue == 0) await EnsureSessionAsync(cart, ct);

        var lease = await TryTakeLeaseAsync(cartId, ct);
        if (!lease.Taken)
        {
            var session = await db.Set<CheckoutSession>().AsNoTracking().SingleOrDefaultAsync(s => s.CartId == cartId, ct);
            if (session is null) return CheckoutErrors.PaymentRequired(cartId);
            return session.State == CheckoutState.Placed ? await ExistingOrderAsync(cartId, ct) : CheckoutErrors.InProgress(cartId);
        }

        var placed = false;
        try
        {
            var result = await CompleteUnderLeaseAsync(cart, lease.PaymentId, ct);
            placed = result.Error is null;
            return result;
        }
        finally
        {
            if (!placed) await ReleaseLeaseAsync(cartId);
        }
    }

    private async Task<Result<CompletedCheckout>> CompleteUnderLeaseAsync(CheckoutCart cart, string? paymentId, CancellationToken ct)
    {
        var payment = paymentId is null ? null : await payments.FindAsync(paymentId, ct);
        if (cart.AmountDue == 0) return await PlaceWithoutPaymentAsync(cart, payment, ct);
        if (payment is null || payment.Status is PaymentStatus.Canceled or PaymentStatus.Failed)
            return CheckoutErrors.PaymentRequired(cart.Id);
        // The payment covers what gift cards leave to pay (all of the total when there are none).
        if (payment.Amount.Amount != cart.AmountDue || payment.Amount.Currency.Code != cart.CurrencyCode)
            return CheckoutErrors.PaymentAmountMismatch(payment.Amount.Amount, cart.AmountDue);

        // Hold again (it replaces the hold taken when payment started): the first hold may have expired meanwhile. One with at
        // least half of its time left is kept: it outlasts this completion, and a payment that needs the shopper's action
        // keeps its stock for a while yet.
        var now = time.GetUtcNow();
        var shortages = await stock.HoldAsync(cart.Id, CheckoutRules.Demand(cart), HoldUntil(),
            keepIfLiveUntil: now.AddMinutes(options.Value.StockHoldMinutes / 2.0), ct);
        if (shortages.Count > 0)
        {
            await VoidQuietlyAsync(payment);
            return CheckoutErrors.InsufficientInventory(cart, shortages);
        }

        // No transaction is open across the provider call.
        var authorized = await payments.AuthorizeAsync(payment.Id, ct);
        if (authorized.Error is { } refused)
        {
            // A payment that needs a further step keeps its hold until the shopper comes back or the hold expires.
            if (refused.Code != "payment_requires_action") await stock.ReleaseAsync(cart.Id, ct);
            return refused;
        }
        return await PlaceAsync(cart, authorized.Value!, ct);
    }

    /// <summary>Gift cards cover the whole total: no provider is called, and a session opened earlier is voided.</summary>
    private async Task<Result<CompletedCheckout>> PlaceWithoutPaymentAsync(CheckoutCart cart, PaymentView? earlier, CancellationToken ct)
    {
        if (earlier is not null) await VoidQuietlyAsync(earlier);
        var shortages = await stock.HoldAsync(cart.Id, CheckoutRules.Demand(cart), HoldUntil(), ct);
        if (shortages.Count > 0) return CheckoutErrors.InsufficientInventory(cart, shortages);
        return await PlaceAsync(cart, null, ct);
    }

    private async Task EnsureSessionAsync(CheckoutCart cart, CancellationToken ct)
    {
        if (await db.Set<CheckoutSession>().AnyAsync(s => s.CartId == cart.Id, ct)) return;
        db.Add(new CheckoutSession(cart.Id, cart.SalesChannelId, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent completion opened it first: the lease decides who goes on.
        }
        db.ChangeTracker.Clear();
    }

    private async Task<Result<CompletedCheckout>> PlaceAsync(CheckoutCart cart, PaymentView? payment, CancellationToken ct)
    {
        Error? failure;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The order goes last: its number comes from one counter row, write-locked from the increment until commit, so
            // every other write of the placement is done before it and concurrent checkouts wait only for the order's own
            // inserts and the commit. The order's id is known up front for the references written first.
            var orderId = orders.NewOrderId();
            // A cart of untracked items only (gift cards, services) held nothing, so it has no hold to convert.
            var held = CheckoutRules.Demand(cart).Count > 0;
            failure = held && !await stock.ConvertHoldAsync(cart.Id, orderId, ct) ? CheckoutErrors.HoldExpired(cart.Id)
                : !await carts.MarkCompletedAsync(cart.Id, cart.Version, orderId, ct) ? CheckoutErrors.CartChanged(cart.Id)
                : !await RedeemPromotionsAsync(cart, orderId, ct) ? PromotionProblems.CodeInvalid()
                : null;
            // Each card is debited in this transaction: a card that no longer covers its share undoes the whole order.
            if (failure is null && cart.GiftCards.Any(g => g.Amount > 0))
                failure = await giftCards.RedeemAsync(cart.Id, orderId, [.. cart.GiftCards.Where(g => g.Amount > 0).Select(g => new GiftCardDebit(g.GiftCardId, g.Amount))], ct);
            if (failure is null)
            {
                if (payment is not null) await payments.AttachOrderAsync(payment.Id, orderId, ct);
                var now = time.GetUtcNow();
                await db.Set<CheckoutSession>().Where(s => s.CartId == cart.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, CheckoutState.Placed).SetProperty(x => x.OrderId, orderId)
                    .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null).SetProperty(x => x.UpdatedAt, now)
                    .SetProperty(x => x.Version, x => x.Version + 1), ct);
                var placed = await orders.PlaceAsync(Draft(cart, payment) with { OrderId = orderId }, ct);
                if (placed is null)
                {
                    // Another completion placed this cart's order first: everything above is undone, its order is the answer.
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return await ExistingOrderAsync(cart.Id, ct);
                }
                await tx.CommitAsync(ct);
                LogPlaced(log, placed.OrderId, placed.Number, cart.Id);
                return new CompletedCheckout(placed, IsNew: true);
            }
            await tx.RollbackAsync(ct);
        }
        catch (Exception)
        {
            db.ChangeTracker.Clear();
            await CompensateAsync(cart.Id, payment);
            throw;
        }
        db.ChangeTracker.Clear();
        // A write above can also fail because another completion placed this cart's order meanwhile (it changed the cart):
        // that order keeps its payment and stock.
        if (await orders.FindByCartAsync(cart.Id, ct) is { } existing) return new CompletedCheckout(existing, IsNew: false);
        await CompensateAsync(cart.Id, payment);
        return failure;
    }

    /// <summary>
    /// Counts the usage of the cart's promotions in the order's transaction; false when a limit was used up meanwhile, and the
    /// caller then rolls everything back and voids the payment (docs/decisions/0007).
    /// </summary>
    private async Task<bool> RedeemPromotionsAsync(CheckoutCart cart, string orderId, CancellationToken ct)
    {
        if (cart.Promotions.Count == 0) return true;
        // Registered by the Promotions module; a host without it has no promotions to count.
        if (services.GetService<IPromotionRedemptions>() is not { } redemptions) return true;
        return await redemptions.RedeemAsync(new PromotionRedemptionRequest(orderId, cart.CustomerId, cart.Email!, cart.CurrencyCode,
            cart.Totals.Total, cart.Promotions), ct);
    }

    /// <summary>Undoes a checkout that cannot finish: no authorized payment and no held stock are left behind.</summary>
    internal async Task CompensateAsync(string cartId, PaymentView? payment)
    {
        if (payment is not null) await VoidQuietlyAsync(payment);
        await stock.ReleaseAsync(cartId, CancellationToken.None);
    }

    private async Task VoidQuietlyAsync(PaymentView payment)
    {
        if (payment.Status is not (PaymentStatus.Authorized or PaymentStatus.Pending or PaymentStatus.RequiresAction)) return;
        var voided = await payments.CancelAsync(payment.Id, CancellationToken.None);
        if (voided.Error is { } error) LogVoidFailed(log, payment.Id, error.Code);
    }

    private async Task<Result<CompletedCheckout>> ExistingOrderAsync(string cartId, CancellationToken ct) =>
        await orders.FindByCartAsync(cartId, ct) is { } existing
            ? new CompletedCheckout(existing, IsNew: false)
            : CheckoutErrors.Completed(cartId);

    private DateTimeOffset HoldUntil() => time.GetUtcNow().AddMinutes(options.Value.StockHoldMinutes);

    /// <summary>
    /// A conditional update, so two completions of one cart can never both own it; it answers the session's payment, read in
    /// the same statement as the lease was taken.
    /// </summary>
    private async Task<(bool Taken, string? PaymentId)> TryTakeLeaseAsync(string cartId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now.AddSeconds(options.Value.CompletionLeaseSeconds);
        var (at, leaseUntil) = (db.SqlTime(now), db.SqlTime(until));
        var (completing, placed) = (nameof(CheckoutState.Completing), nameof(CheckoutState.Placed));
        var taken = await db.Database.SqlQuery<string?>($"""
            UPDATE checkout_session SET state = {completing}, lease_until = {leaseUntil}, updated_at = {at}, version = version + 1
            WHERE cart_id = {cartId} AND state <> {placed} AND (lease_until IS NULL OR lease_until < {at})
            RETURNING payment_id AS "Value"
            """).ToListAsync(ct);
        return taken.Count == 1 ? (true, taken[0]) : (false, null);
    }

    private async Task ReleaseLeaseAsync(string cartId)
    {
        var now = time.GetUtcNow();
        await db.Set<CheckoutSession>().Where(s => s.CartId == cartId && s.State == CheckoutState.Completing)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, CheckoutState.Paying).SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Version, x => x.Version + 1), CancellationToken.None);
    }

    private static OrderDraft Draft(CheckoutCart cart, PaymentView? payment) => new(cart.Id, cart.SalesChannelId, cart.RegionId,
        cart.CurrencyCode, cart.PricesIncludeTax, cart.Email!, cart.CustomerId, cart.ShippingAddress!, cart.BillingAddress,
        cart.Shipping is { } s ? new OrderShippingDraft(s.OptionId, s.Name, s.Amount, s.TaxRateBasisPoints, s.Tax) : null,
        cart.Lines.Select(l => new OrderLineDraft(l.VariantId, l.ProductId, l.Sku, l.ProductTitle, l.VariantTitle, l.Options,
            l.ThumbnailUrl, l.Quantity, l.UnitPrice, l.Subtotal, l.Discount, l.TaxRateBasisPoints, l.Tax, l.Total, l.ManageInventory,
            l.AllowBackorder, l.IsGiftCard)).ToList(),
        new OrderTotalsDraft(cart.Totals.Subtotal, cart.Totals.Discount, cart.Totals.Shipping, cart.Totals.Tax, cart.Totals.Total),
        payment?.Id ?? "", payment?.Provider ?? OrderDraft.GiftCardProvider,
        payment is null || payment.Status is PaymentStatus.Authorized or PaymentStatus.Captured)
    {
        Promotions = [.. cart.Promotions.Select(p => new OrderPromotionDraft(p.PromotionId, p.Name, p.Code, p.Amount, p.ShippingAmount))],
        GiftCardTotal = cart.GiftCards.Sum(g => g.Amount),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} (#{Number}) placed for cart {CartId}")]
    private static partial void LogPlaced(ILogger logger, string orderId, long number, string cartId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not void payment {PaymentId} ({Code}); recovery will retry")]
    private static partial void LogVoidFailed(ILogger logger, string paymentId, string code);
}
