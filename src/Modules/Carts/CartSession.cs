using Mercato.Carts.Contracts;
using Mercato.GiftCards.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Carts;

/// <summary>
/// Loads carts only for a caller who may reach them (<see cref="StoreCaller.MayReach"/>: their own channel, and a customer's cart
/// only with that customer's token; anything else is the same 404 as a missing id), and applies changes atomically: a change runs on a fresh read, re-prices,
/// and is saved under the cart's version; when another request saved first, the whole change runs again on the new state,
/// so concurrent changes (two add-to-cart calls) never lose one another.
/// </summary>
internal sealed class CartSession(MercatoDb db, CartPricing pricing, IDomainEvents events, TimeProvider time, IOptions<CartOptions> options,
    ICartGiftCards giftCards)
{
    private const int Attempts = 20;

    public TimeSpan IdleExpiry => TimeSpan.FromDays(options.Value.IdleExpiryDays);

    public CartPricing Pricing => pricing;

    public CartLimits Limits => options.Value.Limits;

    public async Task<Result<Cart>> ReadAsync(string cartId, StoreCaller caller, CancellationToken ct)
    {
        var cart = await Query(cartId, caller).AsNoTracking().SingleOrDefaultAsync(ct);
        if (cart is null) return CartErrors.NotFound(cartId);
        if (cart.IsExpired(time.GetUtcNow())) return CartErrors.Expired(cartId);
        return await WithGiftCardsAsync(cart, ct);
    }

    /// <summary>Sets <see cref="Cart.GiftCards"/>: the cards applied to the cart, as they would pay its total now.</summary>
    public async Task<Cart> WithGiftCardsAsync(Cart cart, CancellationToken ct)
    {
        cart.GiftCards = await giftCards.PlanAsync(cart.Id, cart.CurrencyCode, cart.Total, ct);
        return cart;
    }

    /// <summary>
    /// Runs <paramref name="change"/> on the cart, re-prices it, runs <paramref name="check"/> on the re-priced cart (stock),
    /// and saves; an error from either leaves the cart as it was.
    /// </summary>
    public Task<Result<Cart>> ChangeAsync(string cartId, StoreCaller caller, Func<Cart, Task<Error?>> change,
        CancellationToken ct, Func<Cart, Task<Error?>>? check = null, bool touch = true) =>
        ChangeAsync(() => Query(cartId, caller), cartId, change, check, touch, ct);

    /// <summary>
    /// <see cref="ChangeAsync(string, StoreCaller, Func{Cart, Task{Error?}}, CancellationToken, Func{Cart, Task{Error?}}?, bool)"/>
    /// for the server's own callers (checkout re-pricing a cart it already checked), bound by the channel only.
    /// </summary>
    public Task<Result<Cart>> ChangeInChannelAsync(string cartId, string salesChannelId, Func<Cart, Task<Error?>> change,
        CancellationToken ct, bool touch = true) =>
        ChangeAsync(() => Query(cartId, salesChannelId), cartId, change, null, touch, ct);

    private async Task<Result<Cart>> ChangeAsync(Func<IQueryable<Cart>> load, string cartId, Func<Cart, Task<Error?>> change,
        Func<Cart, Task<Error?>>? check, bool touch, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            var cart = await load().SingleOrDefaultAsync(ct);
            if (cart is null) return CartErrors.NotFound(cartId);
            if (cart.CompletedAt is not null) return CartErrors.Completed(cartId);
            var now = time.GetUtcNow();
            if (cart.IsExpired(now)) return CartErrors.Expired(cartId);
            if (await change(cart) is { } rejected) return rejected;
            await pricing.RefreshAsync(cart, ct);
            if (check is not null && await check(cart) is { } failed) return failed;
            if (touch) cart.Touch(now, IdleExpiry);
            try
            {
                await db.SaveChangesAsync(ct);
                return await WithGiftCardsAsync(cart, ct);
            }
            catch (DbUpdateException) when (attempt < Attempts - 1)
            {
                // Another request changed the cart since it was read (its version moved, or it added the same variant's
                // line first): run the change again on the new state, after a short random pause so racing retries spread out.
                await Task.Delay(Random.Shared.Next(1, 4 * (attempt + 2)), ct);
            }
        }
        return CartErrors.Busy();
    }

    public async Task<Cart> CreateAsync(Cart cart, CancellationToken ct)
    {
        await pricing.RefreshAsync(cart, ct);
        db.Add(cart);
        events.Raise(CartEvents.Created, CartEventState.ReferenceOf(cart.Id), () => CartEventState.From(cart));
        await db.SaveChangesAsync(ct);
        return cart;
    }

    /// <summary>The cart if it is in the channel, whoever owns it: only for the server's own callers.</summary>
    public IQueryable<Cart> Query(string cartId, string salesChannelId) =>
        db.Set<Cart>().Include(c => c.Lines).Where(c => c.Id == cartId && c.SalesChannelId == salesChannelId);

    /// <summary>The cart if <paramref name="caller"/> may reach it (the same rule as <see cref="StoreCaller.MayReach"/>, in SQL).</summary>
    public IQueryable<Cart> Query(string cartId, StoreCaller caller) => Reachable(Query(cartId, caller.SalesChannelId), caller);

    public static IQueryable<Cart> Reachable(IQueryable<Cart> carts, StoreCaller caller)
    {
        var customerId = caller.CustomerId;
        return customerId is null
            ? carts.Where(c => c.SalesChannelId == caller.SalesChannelId && c.CustomerId == null)
            : carts.Where(c => c.SalesChannelId == caller.SalesChannelId && (c.CustomerId == null || c.CustomerId == customerId));
    }

    /// <summary>A customer's open carts (neither completed nor expired), in every channel.</summary>
    public IQueryable<Cart> OpenCartsOf(string customerId)
    {
        var now = time.GetUtcNow();
        return db.Set<Cart>().Where(c => c.CustomerId == customerId && c.CompletedAt == null && c.ExpiresAt > now);
    }

    /// <summary>The customer's most recently changed open cart in the channel, other than <paramref name="except"/>.</summary>
    public Task<Cart?> LatestOpenCartAsync(string customerId, string salesChannelId, string? except, CancellationToken ct) =>
        OpenCartsOf(customerId).Include(c => c.Lines).Where(c => c.SalesChannelId == salesChannelId && c.Id != except)
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
}
