namespace Mercato.Customers.Contracts;

/// <summary>
/// Event types the Customers module raises (see <c>GET /admin/events</c>); the state is the Admin API's customer
/// (never a password hash or a token).
/// </summary>
public static class CustomerEvents
{
    /// <summary>A customer registered.</summary>
    public const string Created = "customer.created";

    /// <summary>The profile, the groups, the disabled flag or the email verification changed.</summary>
    public const string Updated = "customer.updated";
}
