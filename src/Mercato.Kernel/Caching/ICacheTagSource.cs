using Mercato.Kernel.Events;

namespace Mercato.Kernel.Caching;

/// <summary>
/// Names the cache tags (as <see cref="Http.CacheableJson"/> writes them) of the answers that committed changes make stale.
/// The module that owns the answers supplies it: it knows which entity a resource id (a SKU, a variant) belongs to.
/// </summary>
public interface ICacheTagSource
{
    /// <summary>Adds to <paramref name="tags"/> the tags to evict for <paramref name="changes"/>; runs in a scope of its own.</summary>
    Task AddTagsAsync(IReadOnlyList<CommittedChange> changes, ISet<string> tags, CancellationToken ct);
}
