using System.Text.Json;
using Mercato.Carts.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Mercato.Payments.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Checkout;

/// <summary>Finishes a further step the payment provider asked for (for example 3-D Secure); completion follows separately.</summary>
internal static class ConfirmPayment
{
    public sealed record Request(JsonElement? Data);

    public static void Map(RouteGroupBuilder store) => store.MapPost("/carts/{cartId}/payment/confirm", Handle)
        .WithName(nameof(ConfirmPayment)).WithSummary("Confirm a payment step the provider asked for").WithTags("Checkout")
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status402PaymentRequired);

    private static async Task<Results<Ok<StartPayment.CartPaymentResponse>, ProblemHttpResult>> Handle(string cartId, Request request,
        HttpContext http, MercatoDb db, ICartCheckout carts, IPayments payments, CancellationToken ct)
    {
        if (!await carts.IsReachableAsync(cartId, http.StoreCaller(), ct)) return Error.NotFound("cart", cartId).ToProblem();
        var cart = await carts.RefreshAsync(cartId, http.SalesChannelId(), ct);
        if (cart is null) return Error.NotFound("cart", cartId).ToProblem();
        if (cart.CompletedAt is not null) return CheckoutErrors.Completed(cart.Id).ToProblem();
        var session = await db.Set<CheckoutSession>().AsNoTracking().SingleOrDefaultAsync(s => s.CartId == cart.Id, ct);
        if (session?.PaymentId is null) return CheckoutErrors.PaymentRequired(cart.Id).ToProblem();
        var confirmed = await payments.ConfirmActionAsync(session.PaymentId, request.Data, ct);
        if (confirmed.Error is { } refused) return refused.ToProblem();
        var p = confirmed.Value!;
        return TypedResults.Ok(new StartPayment.CartPaymentResponse(p.Id, p.Provider, p.Status, p.Amount.ToDto(), p.ClientData,
            session.UpdatedAt));
    }
}
