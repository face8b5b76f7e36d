using Mercato.Customers.Groups;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Customers.Accounts;

/// <summary>A customer group as its members and other listings show it.</summary>
internal sealed record GroupRef(string Id, string Handle, string Name);

/// <summary>The signed-in customer's own profile (Store API): nothing private (no hash, no disabled flag).</summary>
internal sealed record StoreCustomerResponse(string Id, string Email, string FirstName, string LastName, string? Phone, bool EmailVerified,
    IReadOnlyList<GroupRef> Groups, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static StoreCustomerResponse From(Customer c, IReadOnlyList<GroupRef> groups) =>
        new(c.Id, c.Email, c.FirstName, c.LastName, c.Phone, c.EmailVerifiedAt is not null, groups, c.Version, c.CreatedAt, c.UpdatedAt);
}

/// <summary>What a sign-in answers; <see cref="CartId"/> is the customer's open cart in the channel after merging the guest cart.</summary>
internal sealed record SignInResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType, string? CartId);

/// <summary>A fresh token pair (refresh, password change).</summary>
internal sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);

internal static class CustomerGroupsQuery
{
    /// <summary>The groups of each customer, by customer id (one query).</summary>
    public static async Task<Dictionary<string, List<GroupRef>>> GroupsOfAsync(this MercatoDb db, IReadOnlyCollection<string> customerIds,
        CancellationToken ct)
    {
        var rows = await (from m in db.Set<CustomerGroupMember>()
                          join g in db.Set<CustomerGroup>() on m.GroupId equals g.Id
                          where customerIds.Contains(m.CustomerId)
                          orderby g.Handle
                          select new { m.CustomerId, g.Id, g.Handle, g.Name }).AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(r => r.CustomerId).ToDictionary(g => g.Key, g => g.Select(r => new GroupRef(r.Id, r.Handle, r.Name)).ToList());
    }

    public static async Task<IReadOnlyList<GroupRef>> GroupsOfAsync(this MercatoDb db, string customerId, CancellationToken ct) =>
        (await db.GroupsOfAsync([customerId], ct)).GetValueOrDefault(customerId) ?? [];
}
