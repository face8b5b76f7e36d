namespace Mercato.Customers.Contracts;

/// <summary>A customer as other modules see them; <see cref="GroupIds"/> drive prices and promotions.</summary>
public sealed record CustomerSummary(string Id, string Email, string? FirstName, string? LastName, bool EmailVerified,
    IReadOnlyList<string> GroupIds);

/// <summary>Read access to customers for other modules (orders, price lists, promotions).</summary>
public interface ICustomerDirectory
{
    /// <summary>The customer, or null when unknown or disabled.</summary>
    Task<CustomerSummary?> FindAsync(string customerId, CancellationToken ct);
}

/// <summary>
/// Implemented by the Carts module, called by the Customers module when a customer signs in on a sales channel: the guest
/// cart the shopper was using (if any) becomes the customer's, merged with the open cart the customer already had there.
/// </summary>
public interface ISignInCartMerger
{
    /// <summary>The customer's open cart in the channel after the merge, or null when they have none.</summary>
    Task<string?> MergeAsync(string customerId, string salesChannelId, string? guestCartId, CancellationToken ct);
}
