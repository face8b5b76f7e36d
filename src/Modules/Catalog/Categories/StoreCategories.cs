using Mercato.Catalog.Contracts;
using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;

namespace Mercato.Catalog.Categories;

/// <summary>
/// The storefront's category tree, kept in memory: every facet count, category filter, suggestion and category listing reads
/// it, and a shop's categories change rarely. Any category change forgets it (see <see cref="ForgetfulCache"/>): this node's
/// own at once, other nodes' when their outbox follower reads them. Readers must not change the categories it holds.
/// </summary>
internal sealed class StoreCategories : ForgetfulCache
{
    public ValueTask<StoreCategoryTree> GetAsync(MercatoDb db, CancellationToken ct) =>
        RememberAsync(db, static (db, ct) => StoreCategoryTree.LoadAsync(db, ct), ct);

    protected override bool Concerns(string eventType) =>
        eventType is CatalogEvents.CategoryCreated or CatalogEvents.CategoryUpdated or CatalogEvents.CategoryDeleted;
}
