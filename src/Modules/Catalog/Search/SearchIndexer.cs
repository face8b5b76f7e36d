using Mercato.Catalog.Products;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mercato.Catalog.Search;

/// <summary>
/// Keeps the search index in the unit of work of every product change, whoever makes it (admin edits, variant routes,
/// imports, seeds): before a save it rewrites the postings of each changed product from the tracked graph. The vocabulary
/// (terms, their counts and typo neighbourhoods) is derived from the postings in memory (<see cref="FacetView"/>).
/// </summary>
internal sealed class SearchIndexer : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is MercatoDb db && ChangedProductIds(db).Count > 0)
            throw new InvalidOperationException("Product changes are saved with SaveChangesAsync (the search index is written with them).");
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is MercatoDb db) await StageAsync(db, cancellationToken);
        return result;
    }

    /// <summary>Rewrites the postings of the changed products.</summary>
    private static async Task StageAsync(MercatoDb db, CancellationToken ct)
    {
        var ids = ChangedProductIds(db);
        if (ids.Count == 0) return;

        var wanted = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var tracked = db.ScannedEntries<Product>().ToDictionary(e => e.Entity.Id, StringComparer.Ordinal);
        var untracked = new List<string>();
        foreach (var id in ids)
        {
            if (!tracked.TryGetValue(id, out var entry)) { untracked.Add(id); continue; }
            if (entry.State == EntityState.Deleted) { wanted[id] = []; continue; }
            if (entry.State != EntityState.Added) await LoadGraphAsync(entry, ct);
            wanted[id] = SearchWeights.Of(entry.Entity);
        }
        if (untracked.Count > 0)
        {
            var loaded = await db.Set<Product>().AsNoTracking().WithGraph().Where(p => untracked.Contains(p.Id)).ToListAsync(ct);
            foreach (var id in untracked) wanted[id] = loaded.Find(p => p.Id == id) is { } p ? SearchWeights.Of(p) : [];
        }

        var existing = await db.Set<SearchPosting>().Where(p => ids.Contains(p.ProductId)).ToListAsync(ct);
        foreach (var posting in existing)
        {
            var terms = wanted[posting.ProductId];
            if (!terms.TryGetValue(posting.Term, out var weight)) db.Remove(posting);
            else if (posting.Weight != weight) posting.Weight = weight;
        }
        var have = existing.Select(p => (p.ProductId, p.Term)).ToHashSet();
        foreach (var (id, terms) in wanted)
        {
            foreach (var (term, weight) in terms)
            {
                if (have.Contains((id, term))) continue;
                db.Add(new SearchPosting { Term = term, ProductId = id, Weight = weight });
            }
        }
    }

    /// <summary>
    /// Products whose searchable content may have changed in this unit of work. The save has scanned for changes just before
    /// (<see cref="MercatoDb.ScannedEntries()"/>).
    /// </summary>
    private static HashSet<string> ChangedProductIds(MercatoDb db)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var variantProducts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in db.ScannedEntries())
        {
            if (entry.Entity is Variant known) variantProducts[known.Id] = known.ProductId;
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case Product p: ids.Add(p.Id); break;
                case Variant v: ids.Add(v.ProductId); break;
                case ProductTag t: ids.Add(t.ProductId); break;
                case ProductOption o: ids.Add(o.ProductId); break;
                case ProductAttributeValue a: ids.Add(a.ProductId); break;
                case ProductChannelLink l: ids.Add(l.ProductId); break;
            }
        }
        foreach (var entry in db.ScannedEntries<VariantOptionValue>())
        {
            if (entry.State is not (EntityState.Unchanged or EntityState.Detached)
                && variantProducts.TryGetValue(entry.Entity.VariantId, out var productId))
                ids.Add(productId);
        }
        return ids;
    }

    private static async Task LoadGraphAsync(EntityEntry<Product> entry, CancellationToken ct)
    {
        foreach (var collection in new CollectionEntry[]
                 {
                     entry.Collection(p => p.Variants), entry.Collection(p => p.Tags), entry.Collection(p => p.Options),
                     entry.Collection(p => p.Attributes),
                 })
        {
            if (!collection.IsLoaded) await collection.LoadAsync(ct);
        }
        foreach (var variant in entry.Entity.Variants)
        {
            var values = entry.Context.Entry(variant).Collection(v => v.OptionValues);
            if (!values.IsLoaded && entry.Context.Entry(variant).State != EntityState.Added) await values.LoadAsync(ct);
        }
    }
}
