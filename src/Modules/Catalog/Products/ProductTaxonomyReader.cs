using Mercato.Catalog.Categories;
using Mercato.Catalog.Contracts;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Products;

/// <summary>Categories (with their ancestors, found by the path prefixes) and collections of products: two or three queries.</summary>
internal sealed class ProductTaxonomyReader(MercatoDb db) : IProductTaxonomy
{
    public async Task<IReadOnlyDictionary<string, ProductTaxonomy>> FindAsync(IReadOnlyCollection<string> productIds, CancellationToken ct)
    {
        var ids = productIds.Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<string, ProductTaxonomy>();
        var linked = await db.Set<ProductCategoryLink>().AsNoTracking().Where(l => ids.Contains(l.ProductId))
            .Join(db.Set<Category>(), l => l.CategoryId, c => c.Id, (l, c) => new { l.ProductId, c.Id, c.Path }).ToListAsync(ct);
        var collections = await db.Set<ProductCollectionLink>().AsNoTracking().Where(l => ids.Contains(l.ProductId))
            .Select(l => new { l.ProductId, l.CollectionId }).ToListAsync(ct);

        // "men/shirts/linen" has the ancestors "men" and "men/shirts".
        var ancestorPaths = linked.SelectMany(l => Ancestors(l.Path)).Distinct().ToList();
        var byPath = ancestorPaths.Count == 0 ? new Dictionary<string, string>()
            : await db.Set<Category>().AsNoTracking().Where(c => ancestorPaths.Contains(c.Path)).ToDictionaryAsync(c => c.Path, c => c.Id, ct);

        var result = new Dictionary<string, ProductTaxonomy>(StringComparer.Ordinal);
        foreach (var productId in ids)
        {
            var categories = linked.Where(l => l.ProductId == productId)
                .SelectMany(l => Ancestors(l.Path).Select(p => byPath.GetValueOrDefault(p)).Append(l.Id))
                .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            var inCollections = collections.Where(c => c.ProductId == productId).Select(c => c.CollectionId).Order(StringComparer.Ordinal).ToList();
            if (categories.Count + inCollections.Count > 0) result[productId] = new ProductTaxonomy(categories, inCollections);
        }
        return result;
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var at = path.IndexOf('/', StringComparison.Ordinal); at > 0; at = path.IndexOf('/', at + 1)) yield return path[..at];
    }
}
