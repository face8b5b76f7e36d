using System.Data.Common;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Kernel.Events;

/// <summary>A change the outbox recorded (its event's type and resource), once its transaction has committed.</summary>
public sealed record CommittedChange(string Type, string ResourceId);

/// <summary>
/// Told, on the node that made them, about the changes a transaction committed, before the commit call returns: so the
/// caller's next read already sees their effects (a cache entry evicted). A rolled-back transaction tells nothing.
/// </summary>
public interface ICommitObserver
{
    Task CommittedAsync(IReadOnlyList<CommittedChange> changes, CancellationToken ct);
}

/// <summary>
/// Told about the changes any node committed (this one included), as this node's outbox follower reads them: later than an
/// <see cref="ICommitObserver"/>, possibly more than once.
/// </summary>
public interface IFollowedChangeObserver
{
    Task FollowedAsync(IReadOnlyList<CommittedChange> changes, CancellationToken ct);
}

/// <summary>
/// Watches the transactions of <see cref="MercatoDb"/>: the events a transaction wrote (tracked by the context) are handed to
/// every <see cref="ICommitObserver"/> once it commits, and forgotten when it rolls back.
/// </summary>
internal sealed class CommitHooks(IServiceProvider services) : DbTransactionInterceptor
{
    private IReadOnlyList<ICommitObserver>? _observers;

    private IReadOnlyList<ICommitObserver> Observers => _observers ??= [.. services.GetServices<ICommitObserver>()];

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        (eventData.Context as MercatoDb)?.Uncommitted.Clear();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default)
    {
        (eventData.Context as MercatoDb)?.Uncommitted.Clear();
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TakeCommitted(eventData);

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (TakeCommitted(eventData) is not { Count: > 0 } changes) return;
        foreach (var observer in Observers) await observer.CommittedAsync(changes, cancellationToken);
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as MercatoDb)?.Uncommitted.Clear();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as MercatoDb)?.Uncommitted.Clear();
        return Task.CompletedTask;
    }

    /// <summary>Changes saved with a synchronous commit are left to the outbox followers (every event is saved asynchronously).</summary>
    private static List<CommittedChange>? TakeCommitted(TransactionEndEventData eventData)
    {
        if (eventData.Context is not MercatoDb { Uncommitted.Count: > 0 } db) return null;
        var changes = db.Uncommitted.ToList();
        db.Uncommitted.Clear();
        return changes;
    }
}
