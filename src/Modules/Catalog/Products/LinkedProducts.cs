using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Products;

internal static class LinkedProducts
{
    /// <summary>
    /// A product's answer lists its categories, collections and attributes, so deleting one of those changes the products
    /// that had it: their version (and so their ETag) moves, and a client's stale If-Match is refused.
    /// </summary>
    public static Task<int> BumpAsync(IQueryable<Product> products, DateTimeOffset now, CancellationToken ct) =>
        products.ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version + 1).SetProperty(p => p.UpdatedAt, now), ct);
}
