namespace Mercato.Catalog.Contracts;

/// <summary>
/// The Catalog's search index. Every product change keeps it current in its own transaction; a rebuild is for databases
/// filled without the index (older databases, bulk loaders such as the benchmark's catalog generator).
/// </summary>
public interface ICatalogSearchIndex
{
    /// <summary>Indexes every published product from scratch in one transaction; answers how many were indexed.</summary>
    Task<int> RebuildAsync(CancellationToken ct);

    /// <summary>Rebuilds when the index is empty but published products exist (start-up); answers whether it did.</summary>
    Task<bool> RebuildIfEmptyAsync(CancellationToken ct);
}
