using Mercato.Kernel.Persistence;
using Mercato.Orders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Orders;

internal sealed class OrderHistory(MercatoDb db) : IOrderHistory
{
    public async Task<bool> HasOrderedAsync(string? customerId, string? email, CancellationToken ct)
    {
        var normalized = string.IsNullOrWhiteSpace(email) ? null : Order.NormalizeEmail(email);
        if (customerId is null && normalized is null) return false;
        return await db.Set<Order>().AnyAsync(o => o.Status != OrderStatus.Canceled
            && ((customerId != null && o.CustomerId == customerId) || (normalized != null && o.Email == normalized)), ct);
    }
}
