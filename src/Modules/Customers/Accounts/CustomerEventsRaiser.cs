using Mercato.Customers.Groups;
using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Customers.Accounts;

internal static class CustomerEventsRaiser
{
    /// <summary>Raises a customer event with the Admin API's customer as the change leaves it (its groups as changed, not as saved).</summary>
    public static async Task RaiseAsync(this IDomainEvents events, MercatoDb db, string type, Customer customer, CancellationToken ct)
    {
        var entry = db.Entry(customer);
        if (entry.State != EntityState.Added && !entry.Collection(c => c.Groups).IsLoaded) await entry.Collection(c => c.Groups).LoadAsync(ct);
        var ids = customer.Groups.Select(m => m.GroupId).ToList();
        var groups = ids.Count == 0 ? []
            : await db.Set<CustomerGroup>().AsNoTracking().Where(g => ids.Contains(g.Id)).OrderBy(g => g.Handle)
                .Select(g => new GroupRef(g.Id, g.Handle, g.Name)).ToListAsync(ct);
        events.Raise(type, customer.Id, () => AdminCustomerResponse.From(customer, groups));
    }
}
