using Mercato.Carts.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Carts;

internal sealed class CartCheckout(MercatoDb db, CartSession carts, TimeProvider time) : ICartCheckout
{
    /// <summary>An expired cart is treated as absent (null), so checkout cannot complete it.</summary>
    public Task<CheckoutCart?> RefreshAsync(string cartId, string salesChannelId, CancellationToken ct) =>
        RefreshAsync(() => carts.Query(cartId, salesChannelId),
            (change, token) => carts.ChangeInChannelAsync(cartId, salesChannelId, change, token, touch: false), ct);

    public Task<CheckoutCart?> RefreshAsync(string cartId, StoreCaller caller, CancellationToken ct) =>
        RefreshAsync(() => carts.Query(cartId, caller),
            (change, token) => carts.ChangeAsync(cartId, caller, change, token, touch: false), ct);

    private async Task<CheckoutCart?> RefreshAsync(Func<IQueryable<Cart>> query,
        Func<Func<Cart, Task<Error?>>, CancellationToken, Task<Result<Cart>>> reprice, CancellationToken ct)
    {
        // Re-priced on the one read of the cart; saved only when re-pricing changed something, so a refresh alone never moves
        // the version checkout relies on.
        var refreshed = await reprice(_ => Task.FromResult<Error?>(null), ct);
        if (refreshed.Value is { } cart) return ToCheckout(cart);
        if (refreshed.Error!.Status is 404 or 410) return null;
        // Completed (returned as it was completed), or too busy to re-price: answer the cart as it now is.
        var current = await query().AsNoTracking().SingleOrDefaultAsync(ct);
        return current is null || current.IsExpired(time.GetUtcNow()) ? null : ToCheckout(current);
    }

    public Task<bool> IsReachableAsync(string cartId, StoreCaller caller, CancellationToken ct) =>
        CartSession.Reachable(db.Set<Cart>().Where(c => c.Id == cartId), caller).AnyAsync(ct);

    public async Task<bool> MarkCompletedAsync(string cartId, int version, string orderId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.Set<Cart>()
            .Where(c => c.Id == cartId && c.Version == version && c.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CompletedAt, now).SetProperty(c => c.OrderId, orderId)
                .SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.Version, version + 1), ct);
        return rows == 1;
    }

    private static CheckoutCart ToCheckout(Cart c) => new(c.Id, c.Version, c.SalesChannelId, c.RegionId, c.CurrencyCode, c.PricesIncludeTax,
        c.Email, c.CustomerId, c.ShippingAddress, c.BillingAddress,
        c.ShippingOptionId is { } optionId ? new CheckoutShipping(optionId, c.ShippingName ?? "", c.ShippingAmount, c.ShippingTaxRate, c.ShippingTax) : null,
        [.. CartResponse.OrderedLines(c).Select(l => new CheckoutCartLine(l.Id, l.VariantId, l.ProductId, l.Sku, l.ProductTitle, l.VariantTitle,
            l.Options, l.Thumbnail, l.Quantity, l.UnitPrice, l.Subtotal, l.Discount, l.TaxRate, l.Tax, l.Total, l.ManageInventory, l.AllowBackorder,
            l.IsGiftCard))],
        new CheckoutTotals(c.Subtotal, c.Discount, c.ShippingTotal, c.Tax, c.Total), c.CompletedAt, c.OrderId)
    {
        Codes = c.Codes, Promotions = c.AppliedPromotions,
        GiftCards = [.. (c.GiftCards?.Cards ?? []).Select(g => new CheckoutGiftCard(g.GiftCardId, g.Applied))],
    };
}
