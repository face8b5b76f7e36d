using Mercato.Kernel.Errors;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Carts;

/// <summary>
/// Loads carts through their sales channel only, and applies changes atomically: a change runs on a fresh read, re-prices,
/// and is saved under the cart's version; when another request saved first, the whole change runs again on the new state,
/// so concurrent changes (two add-to-cart calls) never lose one another.
/// </summary>
internal sealed class CartSession(MercatoDb db, CartPricing pricing, TimeProvider time, IOptions<CartOptions> options)
{
    private const int Attempts = 20;

    public TimeSpan IdleExpiry => TimeSpan.FromDays(options.Value.IdleExpiryDays);

    public CartPricing Pricing => pricing;

    public async Task<Result<Cart>> ReadAsync(string cartId, string salesChannelId, CancellationToken ct)
    {
        var cart = await Query(cartId, salesChannelId).AsNoTracking().SingleOrDefaultAsync(ct);
        if (cart is null) return CartErrors.NotFound(cartId);
        if (cart.IsExpired(time.GetUtcNow())) return CartErrors.Expired(cartId);
        return cart;
    }

    /// <summary>
    /// Runs <paramref name="change"/> on the cart, re-prices it, runs <paramref name="check"/> on the re-priced cart (stock),
    /// and saves; an error from either leaves the cart as it was.
    /// </summary>
    public async Task<Result<Cart>> ChangeAsync(string cartId, string salesChannelId, Func<Cart, Task<Error?>> change,
        CancellationToken ct, Func<Cart, Task<Error?>>? check = null, bool touch = true)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            var cart = await Query(cartId, salesChannelId).SingleOrDefaultAsync(ct);
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
                return cart;
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
        await db.SaveChangesAsync(ct);
        return cart;
    }

    public IQueryable<Cart> Query(string cartId, string salesChannelId) =>
        db.Set<Cart>().Include(c => c.Lines).Where(c => c.Id == cartId && c.SalesChannelId == salesChannelId);
}
