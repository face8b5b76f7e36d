using Mercato.Carts.Contracts;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Errors;

namespace Mercato.Checkout;

internal static class CheckoutErrors
{
    public static Error NotReady(IDictionary<string, string[]> fields) =>
        new("cart_not_ready", "The cart cannot be checked out yet; see errors for what is missing.", 400, fields);

    public static Error Completed(string cartId) =>
        Error.Conflict("cart_completed", $"Cart '{cartId}' is already completed.");

    public static Error PaymentRequired(string cartId) =>
        Error.Conflict("payment_session_required", $"Cart '{cartId}' has no open payment: POST /store/carts/{cartId}/payment first.");

    public static Error PaymentAmountMismatch(long paying, long total) =>
        Error.Conflict("payment_amount_mismatch",
            $"The cart changed after payment started (payment covers {paying}, cart total is {total}): start the payment again.");

    public static Error PaymentNotRequired(string cartId) =>
        Error.Conflict("payment_not_required",
            $"Gift cards cover all of cart '{cartId}': nothing to pay, complete it (POST /store/carts/{cartId}/complete).");

    public static Error InProgress(string cartId) =>
        Error.Conflict("checkout_in_progress", $"Cart '{cartId}' is being completed by another request; retry shortly.");

    public static Error HoldExpired(string cartId) =>
        Error.Conflict("stock_hold_expired", $"The stock held for cart '{cartId}' expired before the order was placed; the payment was voided.");

    public static Error CartChanged(string cartId) =>
        Error.Conflict("cart_changed", $"Cart '{cartId}' changed during checkout; the payment was voided. Review the cart and pay again.");

    /// <summary>409 naming each line that lacks stock, keyed by the line's path in the cart.</summary>
    public static Error InsufficientInventory(CheckoutCart cart, IReadOnlyList<StockShortage> shortages)
    {
        var bySku = shortages.ToDictionary(s => s.Sku, StringComparer.Ordinal);
        var fields = new Dictionary<string, string[]>();
        for (var i = 0; i < cart.Lines.Count; i++)
        {
            if (bySku.TryGetValue(cart.Lines[i].Sku, out var s))
                fields[$"items[{i}].quantity"] = [$"{s.Requested} of SKU '{s.Sku}' wanted, {Math.Max(0, s.Available)} available."];
        }
        return new Error("insufficient_inventory", $"Not enough stock for {shortages.Count} item(s): " +
            string.Join(", ", shortages.Select(s => s.Sku)) + ".", 409, fields);
    }
}
