using Mercato.Catalog.Contracts;
using Mercato.Catalog.Products;
using Mercato.Kernel.Caching;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Search;

/// <summary>Rebuilds the search index from the products, in one transaction (readers see the old index until it commits).</summary>
internal sealed class CatalogSearchIndex(MercatoDb db, CacheInvalidation cache, CatalogFacetIndex facets) : ICatalogSearchIndex
{
    private const int Batch = 500;
    private static readonly TimeSpan RebuildCommandTimeout = TimeSpan.FromMinutes(30);

    public async Task<bool> RebuildIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Set<SearchPosting>().AnyAsync(ct)) return false;
        if (!await db.Set<Product>().AnyAsync(p => p.Status == ProductStatus.Published, ct)) return false;
        await RebuildAsync(ct);
        return true;
    }

    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Its set-based statements read every posting (tens of millions at a million products): the 30 s default timeout of
        // a command cut the rebuild of such a catalog short on PostgreSQL.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(RebuildCommandTimeout);
        try
        {
            return await RebuildInTransactionAsync(ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }

    private async Task<int> RebuildInTransactionAsync(CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Set<SearchPosting>().ExecuteDeleteAsync(ct);
        var indexed = 0;
        string? after = null;
        // Millions of postings: written straight into the table (COPY on PostgreSQL), not through change tracking.
        await using (var bulk = BulkRows.InCurrentTransaction(db))
        {
            while (true)
            {
                var query = db.Set<Product>().AsNoTracking().Where(p => p.Status == ProductStatus.Published);
                if (after is not null) query = query.Where(p => p.Id.CompareTo(after) > 0);
                var products = await query.OrderBy(p => p.Id).Take(Batch).WithGraph().ToListAsync(ct);
                if (products.Count == 0) break;
                var postings = products.SelectMany(product => SearchWeights.Of(product)
                    .Select(w => new SearchPosting { Term = w.Key, ProductId = product.Id, Weight = w.Value })).ToList();
                await bulk.WriteAsync(postings, ct);
                indexed += products.Count;
                after = products[^1].Id;
            }
        }
        if (transaction is null) return indexed;
        await transaction.CommitAsync(ct);
        // Every row of the index is new, and a rebuild usually follows a bulk change of the catalog: fresh statistics, or
        // the planner keeps estimating from the old ones. A full ANALYZE on SQLite: its sampled one (analysis_limit, and
        // PRAGMA optimize, which samples) took 1,000 of 100,000 rows for "all of them" and sent store lists to sort the catalog.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        // A rebuild writes no events (it follows bulk loads that wrote none either), so the cached answers built on the old
        // index are evicted here, and this node's facets reloaded.
        facets.Reset();
        await cache.EvictAllAsync(ct);
        return indexed;
    }
}
