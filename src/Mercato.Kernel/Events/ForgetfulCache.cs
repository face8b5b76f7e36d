namespace Mercato.Kernel.Events;

/// <summary>
/// Something a node remembers between requests and forgets when a change concerns it: this node's own changes at once
/// (before the commit returns), other nodes' when the outbox follower reads them, as for the output cache. A reader takes
/// <see cref="Generation"/> before its query and keeps the answer for that generation: a change heard meanwhile moves the
/// generation on, so that answer then matches no later read.
/// </summary>
public abstract class ForgetfulCache : ICommitObserver, IFollowedChangeObserver
{
    private long _generation;

    /// <summary>The last read's answer with the generation it was read in; replaced whole, so never seen half-written.</summary>
    private volatile object? _remembered;

    private sealed record Remembered<T>(long Generation, T Value);

    /// <summary>Moves on at every change that <see cref="Concerns"/> this cache.</summary>
    protected long Generation => Interlocked.Read(ref _generation);

    protected abstract bool Concerns(string eventType);

    /// <summary>
    /// The answer of <paramref name="read"/>, read again only after a change that concerns this cache: every caller shares it
    /// and must not change it. <paramref name="state"/> goes to <paramref name="read"/>, so a static lambda allocates nothing.
    /// </summary>
    protected async ValueTask<T> RememberAsync<TState, T>(TState state, Func<TState, CancellationToken, Task<T>> read,
        CancellationToken ct)
    {
        var generation = Generation;
        if (_remembered is Remembered<T> known && known.Generation == generation) return known.Value;
        var value = await read(state, ct);
        _remembered = new Remembered<T>(generation, value);
        return value;
    }

    public Task CommittedAsync(IReadOnlyList<CommittedChange> changes, CancellationToken ct)
    {
        Forget(changes);
        return Task.CompletedTask;
    }

    public Task FollowedAsync(IReadOnlyList<CommittedChange> changes, CancellationToken ct)
    {
        Forget(changes);
        return Task.CompletedTask;
    }

    private void Forget(IReadOnlyList<CommittedChange> changes)
    {
        foreach (var change in changes)
        {
            if (!Concerns(change.Type)) continue;
            Interlocked.Increment(ref _generation);
            return;
        }
    }
}
