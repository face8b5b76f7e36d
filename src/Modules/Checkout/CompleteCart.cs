using Mercato.Carts.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Idempotency;
using Mercato.Orders.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Checkout;

/// <summary>Places the order: validates the cart, holds stock, authorizes payment and writes the order, or leaves nothing behind.</summary>
internal static class CompleteCart
{
    /// <summary>The order and the guest's order token (send it as <c>X-Order-Token</c> to read the order later).</summary>
    public sealed record CompleteCartResponse(StoreOrder Order, string OrderToken);

    public static void Map(RouteGroupBuilder store) => store.MapPost("/carts/{cartId}/complete", Handle)
        .WithName(nameof(CompleteCart)).WithSummary("Complete a cart and place its order (requires Idempotency-Key)")
        .WithTags("Checkout").RequiresIdempotencyKey()
        .ProducesProblem(StatusCodes.Status402PaymentRequired).ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<CompleteCartResponse>, Ok<CompleteCartResponse>, ProblemHttpResult>> Handle(string cartId,
        HttpContext http, CartCompletion completion, ICartCheckout carts, CancellationToken ct)
    {
        // A customer's cart is placed only by that customer: anyone else learns nothing, not even that it exists (the
        // completion reads the cart only if the caller may reach it).
        var caller = http.StoreCaller();
        // Placing an order is the one write a client must be able to retry blindly, so the key is not optional here.
        if (string.IsNullOrEmpty(http.Request.Headers[IdempotencyMiddleware.Header]))
        {
            if (!await carts.IsReachableAsync(cartId, caller, ct)) return Error.NotFound("cart", cartId).ToProblem();
            return new Error("idempotency_key_required", $"Completing a cart requires an {IdempotencyMiddleware.Header} header.", 400)
                .ToProblem();
        }
        var result = await completion.CompleteAsync(cartId, caller, ct);
        if (result.Error is { } error) return error.ToProblem();
        var (placed, isNew) = result.Value!;
        var body = new CompleteCartResponse(placed.Order, placed.OrderToken);
        // A cart completed earlier (for example by the payment provider's webhook) answers 200 with the same order.
        return isNew ? TypedResults.Created($"/store/orders/{placed.OrderId}", body) : TypedResults.Ok(body);
    }
}
