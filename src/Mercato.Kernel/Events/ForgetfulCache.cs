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

    /// <summary>Moves on at every change that <see cref="Concerns"/> this cache.</summary>
    protected long Generation => Interlocked.Read(ref _generation);

    protected abstract bool Concerns(string eventType);

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
