namespace Mercato.Orders.Contracts;

/// <summary>What other modules may ask about a shopper's past orders.</summary>
public interface IOrderHistory
{
    /// <summary>
    /// Whether an order that is not canceled was placed by the customer (<paramref name="customerId"/>) or with the email
    /// (compared trimmed and lower-case): "first order" promotions apply only when this is false.
    /// </summary>
    Task<bool> HasOrderedAsync(string? customerId, string? email, CancellationToken ct);
}
