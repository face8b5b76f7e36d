using Mercato.Customers.Contracts;
using Mercato.GiftCards.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;

namespace Mercato.Carts;

/// <summary>
/// A guest cart becomes the signed-in customer's: their most recent other open cart in the channel is folded into it (the same
/// variant adds up, capped; lines no longer sold are dropped) and closed, and the result is re-priced. Both carts are saved in
/// one unit under their versions, so a change racing the merge makes it run again rather than get lost.
/// </summary>
internal sealed class SignInCartMerger(CartSession carts, ICartGiftCards giftCards, TimeProvider time) : ISignInCartMerger
{
    /// <summary>A guest cart that is not reachable (another customer's, another channel's, completed, expired) is ignored.</summary>
    public async Task<string?> MergeAsync(string customerId, string salesChannelId, string? guestCartId, CancellationToken ct)
    {
        if (guestCartId is not null && (await TakeOverAsync(guestCartId, customerId, salesChannelId, ct)).Value is { } merged)
            return merged.Id;
        return (await carts.LatestOpenCartAsync(customerId, salesChannelId, except: null, ct))?.Id;
    }

    /// <summary>The cart, now the customer's and merged; 404 when the customer may not reach it, 409/410 when it is closed.</summary>
    public Task<Result<Cart>> TakeOverAsync(string cartId, string customerId, string salesChannelId, CancellationToken ct) =>
        carts.ChangeAsync(cartId, new StoreCaller(salesChannelId, customerId), async cart =>
        {
            cart.CustomerId = customerId;
            var other = await carts.LatestOpenCartAsync(customerId, salesChannelId, except: cart.Id, ct);
            if (other is null) return null;
            var saleable = await carts.Pricing.SaleableManyAsync(other.Lines.Select(l => l.VariantId), salesChannelId, cart.CurrencyCode, ct);
            cart.Absorb(other, saleable, carts.Limits, time.GetUtcNow(), time);
            await giftCards.MoveAsync(other.Id, cart.Id, cart.CurrencyCode, ct);
            return null;
        }, ct);
}
