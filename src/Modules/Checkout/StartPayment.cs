using System.Text.Json;
using Mercato.Carts.Contracts;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Mercato.Payments.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Checkout;

/// <summary>
/// The shopper starts paying: the cart's stock is held and a payment session opens for the amount due (the cart's total
/// minus its gift cards). When gift cards cover it all there is nothing to pay: 409 <c>payment_not_required</c>, complete the cart.
/// </summary>
internal static class StartPayment
{
    public sealed record Request(string Provider, JsonElement? Data);

    /// <summary>The payment session; <c>clientData</c> is what the front end needs to finish paying (never card data).</summary>
    public sealed record CartPaymentResponse(string Id, string Provider, PaymentStatus Status, MoneyDto Amount,
        IReadOnlyDictionary<string, string> ClientData, DateTimeOffset StockHeldUntil);

    public static void Map(RouteGroupBuilder store) => store.MapPost("/carts/{cartId}/payment", Handle)
        .WithName(nameof(StartPayment)).WithSummary("Start paying for a cart (holds its stock)").WithTags("Checkout")
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status402PaymentRequired);

    private static async Task<Results<Ok<CartPaymentResponse>, ProblemHttpResult>> Handle(string cartId, Request request, HttpContext http,
        MercatoDb db, ICartCheckout carts, IStockReservations stock, IPayments payments, TimeProvider time,
        IOptions<CheckoutOptions> options, CancellationToken ct)
    {
        if (new Validator().Required("provider", request.Provider, 40).ToError() is { } invalid) return invalid.ToProblem();
        if (!await carts.IsReachableAsync(cartId, http.StoreCaller(), ct)) return Error.NotFound("cart", cartId).ToProblem();
        var cart = await carts.RefreshAsync(cartId, http.SalesChannelId(), ct);
        if (cart is null) return Error.NotFound("cart", cartId).ToProblem();
        if (CheckoutRules.Readiness(cart) is { } notReady) return notReady.ToProblem();
        if (CheckoutRules.GiftCardsAllowed(cart) is { } notAllowed) return notAllowed.ToProblem();
        if (cart.AmountDue == 0) return CheckoutErrors.PaymentNotRequired(cart.Id).ToProblem();

        var now = time.GetUtcNow();
        var session = await db.Set<CheckoutSession>().SingleOrDefaultAsync(s => s.CartId == cart.Id, ct);
        if (session is null) db.Add(session = new CheckoutSession(cart.Id, cart.SalesChannelId, now));
        else if (session.State == CheckoutState.Placed) return CheckoutErrors.Completed(cart.Id).ToProblem();
        else if (session.State == CheckoutState.Completing && session.LeaseUntil > now) return CheckoutErrors.InProgress(cart.Id).ToProblem();

        var heldUntil = now.AddMinutes(options.Value.StockHoldMinutes);
        var shortages = await stock.HoldAsync(cart.Id, CheckoutRules.Demand(cart), heldUntil, ct);
        if (shortages.Count > 0) return CheckoutErrors.InsufficientInventory(cart, shortages).ToProblem();

        var started = await payments.StartSessionAsync(cart.Id, request.Provider.Trim(), request.Data,
            new Money(cart.AmountDue, Currency.Of(cart.CurrencyCode)), ct);
        if (started.Error is { } refused)
        {
            await stock.ReleaseAsync(cart.Id, CancellationToken.None);
            return refused.ToProblem();
        }
        var payment = started.Value!;
        session.PaymentId = payment.Id;
        session.State = CheckoutState.Paying;
        session.LeaseUntil = null;
        session.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request of the same cart won the race; its session stands and this one must not linger.
            await payments.CancelAsync(payment.Id, CancellationToken.None);
            return CheckoutErrors.InProgress(cart.Id).ToProblem();
        }
        return TypedResults.Ok(new CartPaymentResponse(payment.Id, payment.Provider, payment.Status, payment.Amount.ToDto(),
            payment.ClientData, heldUntil));
    }
}
