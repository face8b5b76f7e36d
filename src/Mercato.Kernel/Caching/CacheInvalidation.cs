using Mercato.Kernel.Events;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mercato.Kernel.Caching;

/// <summary>
/// Evicts the cached answers that committed changes make stale: right after the commit on the node that made the change
/// (so a client reads its own writes), and on every node when its <see cref="OutboxCacheFollower"/> reads the events.
/// </summary>
public sealed partial class CacheInvalidation(IServiceScopeFactory scopes, IOutputCacheStore store, ILogger<CacheInvalidation> log)
    : ICommitObserver
{
    public async Task CommittedAsync(IReadOnlyList<CommittedChange> changes, CancellationToken ct)
    {
        try
        {
            await EvictAsync(changes, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is committed: a cache that cannot be reached must not fail it. The followers evict again.
            CouldNotEvict(log, e);
        }
    }

    /// <summary>Evicts the tags the changes name; returns them.</summary>
    public async Task<IReadOnlySet<string>> EvictAsync(IReadOnlyList<CommittedChange> changes, CancellationToken ct)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        if (changes.Count == 0) return tags;
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var source in scope.ServiceProvider.GetServices<ICacheTagSource>()) await source.AddTagsAsync(changes, tags, ct);
        }
        foreach (var tag in tags) await store.EvictByTagAsync(tag, ct);
        return tags;
    }

    /// <summary>Evicts every cached answer.</summary>
    public ValueTask EvictAllAsync(CancellationToken ct) => store.EvictByTagAsync(StoreAnswerPolicy.EveryAnswerTag, ct);

    [LoggerMessage(LogLevel.Warning, "Could not evict cached answers after a commit")]
    private static partial void CouldNotEvict(ILogger logger, Exception exception);
}
