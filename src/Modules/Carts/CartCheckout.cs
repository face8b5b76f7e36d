using Mercato.Carts.Contracts;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Carts;

internal sealed class CartCheckout(MercatoDb db, CartSession carts, TimeProvider time) : ICartCheckout
{
    /// <summary>An expired cart is treated as absent (null), so checkout cannot complete it.</summary>
    public async Task<CheckoutCart?> RefreshAsync(string cartId, string salesChannelId, CancellationToken ct)
    {
        var current = await carts.Query(cartId, salesChannelId).AsNoTracking().SingleOrDefaultAsync(ct);
        if (current is null || current.IsExpired(time.GetUtcNow())) return null;
        if (current.CompletedAt is not null) return ToCheckout(current);
        // Saved only when re-pricing changed something, so a refresh alone never moves the version checkout relies on.
        var refreshed = await carts.ChangeInChannelAsync(cartId, salesChannelId, _ => Task.FromResult<Kernel.Errors.Error?>(null), ct, touch: false);
        if (refreshed.Value is { } cart) return ToCheckout(cart);
        // Completed or expired in between: answer the cart as it now is.
        current = await carts.Query(cartId, salesChannelId).AsNoTracking().SingleOrDefaultAsync(ct);
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
