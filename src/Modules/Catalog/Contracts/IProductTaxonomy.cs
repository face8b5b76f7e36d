namespace Mercato.Catalog.Contracts;

/// <summary>
/// Where a product sits: <see cref="CategoryIds"/> holds the categories it is linked to and all their ancestors (so a rule on a
/// category matches the products of its whole subtree, like the store's category filter), <see cref="CollectionIds"/> its collections.
/// </summary>
public sealed record ProductTaxonomy(IReadOnlyList<string> CategoryIds, IReadOnlyList<string> CollectionIds)
{
    public static readonly ProductTaxonomy None = new([], []);
}

/// <summary>Catalog reads for promotions' category and collection conditions.</summary>
public interface IProductTaxonomy
{
    /// <summary>The taxonomy of each product; products without any link (or unknown) are absent.</summary>
    Task<IReadOnlyDictionary<string, ProductTaxonomy>> FindAsync(IReadOnlyCollection<string> productIds, CancellationToken ct);
}
