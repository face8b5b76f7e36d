using Mercato.Customers.Contracts;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Customers.Accounts;

internal sealed class CustomerDirectory(MercatoDb db) : ICustomerDirectory
{
    public async Task<CustomerSummary?> FindAsync(string customerId, CancellationToken ct)
    {
        var customer = await db.Set<Customer>().AsNoTracking().Include(c => c.Groups)
            .SingleOrDefaultAsync(c => c.Id == customerId && !c.Disabled, ct);
        return customer is null
            ? null
            : new CustomerSummary(customer.Id, customer.Email, customer.FirstName, customer.LastName, customer.EmailVerifiedAt is not null,
                [.. customer.Groups.Select(m => m.GroupId).Order(StringComparer.Ordinal)]);
    }
}
