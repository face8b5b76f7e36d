using Mercato.Payments.Contracts;

namespace Mercato.Payments;

/// <summary>
/// Which status a payment may move to from which (Vendure's transition-table idea). Every write that changes a status
/// checks it, in memory or as the WHERE clause of a conditional update.
/// </summary>
internal static class PaymentTransitions
{
    private static readonly Dictionary<PaymentStatus, PaymentStatus[]> Table = new()
    {
        [PaymentStatus.Pending] = [PaymentStatus.RequiresAction, PaymentStatus.Authorized, PaymentStatus.Failed, PaymentStatus.Canceled],
        [PaymentStatus.RequiresAction] = [PaymentStatus.RequiresAction, PaymentStatus.Authorized, PaymentStatus.Failed, PaymentStatus.Canceled],
        [PaymentStatus.Authorized] = [PaymentStatus.Captured, PaymentStatus.Canceled],
        [PaymentStatus.Captured] = [PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded],
        [PaymentStatus.PartiallyRefunded] = [PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded],
        [PaymentStatus.Refunded] = [],
        [PaymentStatus.Canceled] = [],
        [PaymentStatus.Failed] = [],
    };

    public static bool CanMove(PaymentStatus from, PaymentStatus to) => Table[from].Contains(to);

    /// <summary>The statuses a payment can be in for a move to <paramref name="to"/>.</summary>
    public static PaymentStatus[] From(PaymentStatus to) => [.. Table.Where(t => t.Value.Contains(to)).Select(t => t.Key)];

    public static bool IsTerminal(PaymentStatus status) => Table[status].Length == 0;

    /// <summary>A session still waiting to be paid or used: at most one of these per cart.</summary>
    public static bool IsOpen(PaymentStatus status) =>
        status is PaymentStatus.Pending or PaymentStatus.RequiresAction or PaymentStatus.Authorized;
}
