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
    private sealed record Snapshot(long Generation, StoreCategoryTree Tree);

    /// <summary>What the last read found, for the generation it read in (replaced whole).</summary>
    private volatile Snapshot? _snapshot;

    public async ValueTask<StoreCategoryTree> GetAsync(MercatoDb db, CancellationToken ct)
    {
        var generation = Generation;
        if (_snapshot is { } known && known.Generation == generation) return known.Tree;
        var tree = await StoreCategoryTree.LoadAsync(db, ct);
        _snapshot = new Snapshot(generation, tree);
        return tree;
    }

    protected override bool Concerns(string eventType) =>
        eventType is CatalogEvents.CategoryCreated or CatalogEvents.CategoryUpdated or CatalogEvents.CategoryDeleted;
}
