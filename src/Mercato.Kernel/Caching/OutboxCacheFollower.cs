using Mercato.Kernel.Events;
using Mercato.Kernel.Hosting;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Kernel.Caching;

/// <summary>
/// Follows the outbox so that this node's cache (and every <see cref="IFollowedChangeObserver"/>) hears of changes other nodes
/// (and workers) committed. It reads the events
/// after the last position it saw, an indexed range read. A position can commit after a higher one (PostgreSQL hands them
/// out before commit), so a gap below the highest seen is read again until it fills or, after <see cref="GapPatience"/>
/// (a rolled-back insert leaves a hole forever), is given up.
/// </summary>
public sealed class OutboxCacheFollower(IServiceScopeFactory scopes, CacheInvalidation invalidation, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(10);
    private const int Batch = 1000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SortedSet<long> _seenAbove = [];
    private long? _watermark;
    private DateTimeOffset? _gapSince;

    /// <summary>Reads the events committed since the last call and evicts what they name; returns how many it read.</summary>
    public async Task<int> FollowAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            var events = db.Set<OutboxEvent>().AsNoTracking();
            if (_watermark is not { } watermark)
            {
                // What happened before this node started is not in its cache (a shared cache heard it from the writer).
                _watermark = await events.MaxAsync(e => (long?)e.Position, ct) ?? 0;
                return 0;
            }
            var rows = await events.Where(e => e.Position > watermark).OrderBy(e => e.Position).Take(Batch)
                .Select(e => new { e.Position, e.Type, e.ResourceId }).ToListAsync(ct);
            var fresh = rows.Where(r => !_seenAbove.Contains(r.Position)).ToList();
            foreach (var row in fresh) _seenAbove.Add(row.Position);
            Advance();
            if (fresh.Count > 0)
            {
                var changes = fresh.Select(r => new CommittedChange(r.Type, r.ResourceId)).ToList();
                // In-memory indexes first, so that an answer computed after the eviction is computed on fresh data.
                foreach (var observer in scope.ServiceProvider.GetServices<IFollowedChangeObserver>()) await observer.FollowedAsync(changes, ct);
                await invalidation.EvictAsync(changes, ct);
            }
            return fresh.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private void Advance()
    {
        var watermark = _watermark!.Value;
        while (_seenAbove.Count > 0 && _seenAbove.Min == watermark + 1) _seenAbove.Remove(watermark = _seenAbove.Min);
        if (_seenAbove.Count == 0) _gapSince = null;
        else if (_gapSince is null) _gapSince = time.GetUtcNow();
        else if (time.GetUtcNow() - _gapSince > GapPatience)
        {
            // The hole is a rolled-back insert: skip it and walk on through what was seen above it.
            watermark = _seenAbove.Min - 1;
            _gapSince = null;
            _watermark = watermark;
            Advance();
            return;
        }
        _watermark = watermark;
    }
}

/// <summary>Runs <see cref="OutboxCacheFollower"/> every <see cref="CacheOptions.FollowMilliseconds"/> on API nodes.</summary>
internal sealed partial class OutboxCacheFollowerWorker(OutboxCacheFollower follower, IOptions<CacheOptions> options,
    IHostApplicationLifetime lifetime, ILogger<OutboxCacheFollowerWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.FollowMilliseconds;
        if (interval <= 0) return;
        // Nothing is cached before the server listens: following starts then (from the outbox's position at that moment).
        try
        {
            await lifetime.StartedAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(interval));
        do
        {
            try
            {
                await follower.FollowAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                FollowFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Could not follow the outbox for cache evictions")]
    private static partial void FollowFailed(ILogger logger, Exception exception);
}
