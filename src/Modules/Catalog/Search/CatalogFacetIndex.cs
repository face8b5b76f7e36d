using System.Collections.Concurrent;
using System.Diagnostics;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.Products;
using Mercato.Kernel.Events;
using Mercato.Kernel.Hosting;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Catalog.Search;

/// <summary>
/// The store's facet counts from memory: counting facets in SQL reads every link, variant and price of the matching products
/// once per facet (17 s for an unfiltered request at 100,000 products on SQLite); one pass over compact in-memory rows takes
/// milliseconds. Each node keeps its own index, loaded on first use and kept current by the changes it hears of: its own
/// commits at once (<see cref="ICommitObserver"/>), other nodes' when its outbox follower reads them
/// (<see cref="IFollowedChangeObserver"/>). A change only marks products stale; the next request reloads them before it
/// counts, so a client that changed a product counts it changed. Categories come from <see cref="Categories.StoreCategories"/>, kept current the same way.
/// </summary>
internal sealed partial class CatalogFacetIndex(ILogger<CatalogFacetIndex> log) : ICommitObserver, IFollowedChangeObserver, IDisposable
{
    /// <summary>Reloaded products past which a fresh snapshot is loaded instead (and at least this many).</summary>
    private const int MinReloadsBeforeSnapshot = 1_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly FacetFeatureTable _table = new();
    private readonly ConcurrentDictionary<string, byte> _staleProducts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _staleVariants = new(StringComparer.Ordinal);
    private volatile FacetView? _view;
    private volatile bool _reload;
    /// <summary>
    /// Set after a mark is added: every request checks it, and a concurrent dictionary's IsEmpty takes all its locks when
    /// the dictionary is empty, which is nearly always.
    /// </summary>
    private volatile bool _marked;

    public FacetFeatureTable Table => _table;

    /// <summary>A view that includes every change this node has heard of.</summary>
    public async Task<FacetView> CurrentAsync(MercatoDb db, CancellationToken ct)
    {
        if (_view is { } fresh && !_reload && !_marked) return fresh;
        await _gate.WaitAsync(ct);
        try
        {
            var view = _view;
            var full = view is null || _reload || view.ReloadedCount + _staleProducts.Count > Math.Max(MinReloadsBeforeSnapshot, view.Size / 10);
            // Marks are taken before reading: one that arrives while this reads stays for the next request (and sets the flag again).
            _marked = false;
            var products = Take(_staleProducts);
            var variants = Take(_staleVariants);
            if (full)
            {
                _reload = false;
                var started = Stopwatch.GetTimestamp();
                var rows = await FacetRows.LoadAsync(db, _table, null, ct);
                view = FacetView.Of(rows, _table);
                _ = view.Snapshot.Sets; // inverted now, not by the first facet request
                _view = view;
                ReturnLoadMemory();
                Loaded(log, rows.Ids.Length, rows.Postings.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else if (products.Count > 0 || variants.Count > 0)
            {
                if (variants.Count > 0)
                    products.UnionWith(await db.Set<Variant>().AsNoTracking().Where(v => variants.Contains(v.Id)).Select(v => v.ProductId).ToListAsync(ct));
                var rows = await FacetRows.LoadAsync(db, _table, products, ct);
                var changes = products.ToDictionary(id => id, _ => (FacetProduct?)null, StringComparer.Ordinal);
                for (var i = 0; i < rows.Ids.Length; i++) changes[rows.Ids[i]] = rows.Product(i);
                view = view!.With(changes, _table);
            }
            return _view = view!;
        }
        catch
        {
            // What was taken was not applied: count it stale again.
            _reload = true;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A full load reads every row of the catalog into lists that grow by doubling on the large object heap (tens of MB at
    /// 100,000 products), all garbage once the compact view is built. The GC does not compact that heap by itself, so the
    /// process kept the space for good (RSS ~50 MB higher at 100,000 products); one compacting collection gives it back. Rare:
    /// at start and when enough products changed that a fresh snapshot beats patching.
    /// </summary>
    private static void ReturnLoadMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>Forgets everything: the next request loads a new snapshot (after a search rebuild or a bulk load).</summary>
    public void Reset() => _reload = true;

    public Task CommittedAsync(IReadOnlyList<CommittedChange> changes, CancellationToken ct)
    {
        Mark(changes);
        return Task.CompletedTask;
    }

    public Task FollowedAsync(IReadOnlyList<CommittedChange> changes, CancellationToken ct)
    {
        Mark(changes);
        return Task.CompletedTask;
    }

    public void Dispose() => _gate.Dispose();

    private void Mark(IReadOnlyList<CommittedChange> changes)
    {
        foreach (var change in changes)
        {
            switch (change.Type)
            {
                case CatalogEvents.ProductCreated or CatalogEvents.ProductUpdated or CatalogEvents.ProductDeleted:
                    _staleProducts.TryAdd(change.ResourceId, 0);
                    break;
                case CatalogEvents.VariantPriceChanged:
                    _staleVariants.TryAdd(change.ResourceId, 0);
                    break;
                default:
                    continue;
            }
            _marked = true;
        }
    }

    [LoggerMessage(LogLevel.Information, "Loaded the facet and search index: {Products} products, {Postings} search postings in {Milliseconds} ms")]
    private static partial void Loaded(ILogger logger, int products, int postings, long milliseconds);

    private static HashSet<string> Take(ConcurrentDictionary<string, byte> marks)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in marks.Keys)
        {
            if (marks.TryRemove(key, out _)) taken.Add(key);
        }
        return taken;
    }
}

/// <summary>
/// Loads the facet index when an API node starts, so that the first shopper's filter does not wait for it (a few seconds at
/// 100,000 products). A failure only logs: the first request loads it instead.
/// </summary>
internal sealed partial class FacetIndexWarmup(IServiceScopeFactory scopes, CatalogFacetIndex index, IHostApplicationLifetime lifetime,
    ILogger<FacetIndexWarmup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // After the start: loading takes seconds of CPU at 100,000 products, which the start-up's own work needs more.
            await lifetime.StartedAsync(stoppingToken);
            // At a lower priority than the requests: the first ones after the start, readiness checks included, come first.
            await LowPriority.RunAsync(async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await index.CurrentAsync(scope.ServiceProvider.GetRequiredService<MercatoDb>(), stoppingToken);
            }, "facet index warm-up");
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            WarmupFailed(log, e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not load the facet index at start; the first facet request loads it")]
    private static partial void WarmupFailed(ILogger logger, Exception exception);
}
