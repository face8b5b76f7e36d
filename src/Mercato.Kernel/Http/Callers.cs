using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Mercato.Kernel.Http;

/// <summary>Names shared by the authentication handlers and the endpoints that read who is calling.</summary>
public static class Callers
{
    public const string SecretKeyScheme = "SecretKey";
    public const string PublishableKeyScheme = "PublishableKey";
    /// <summary>A customer's access token (JWT, audience <c>mercato-store</c>) on the Store API.</summary>
    public const string CustomerTokenScheme = "CustomerToken";
    /// <summary>An admin user's access token (JWT, audience <c>mercato-admin</c>) on the Admin API.</summary>
    public const string AdminTokenScheme = "AdminToken";
    /// <summary>Picks <see cref="SecretKeyScheme"/> or <see cref="AdminTokenScheme"/> from the bearer value.</summary>
    public const string AdminScheme = "Admin";

    public const string AdminPolicy = "admin";
    public const string StorePolicy = "store";
    /// <summary>Store endpoints that need a signed-in customer (<c>/store/customers/me...</c>).</summary>
    public const string CustomerPolicy = "customer";

    public const string SalesChannelClaim = "mercato:sales_channel";
    public const string KeyIdClaim = "mercato:key_id";
    public const string CustomerClaim = "mercato:customer";
    public const string AdminUserClaim = "mercato:user";
    public const string SessionClaim = "mercato:session";
    public const string PermissionClaim = "mercato:permission";
    public const string PublishableKeyHeader = "X-Publishable-Key";

    /// <summary>The sales channel of the publishable key that authenticated this Store API request.</summary>
    public static string SalesChannelId(this HttpContext http) =>
        http.User.FindFirstValue(SalesChannelClaim)
        ?? throw new InvalidOperationException("Store endpoint reached without a publishable key.");

    /// <summary>The signed-in customer of a Store API request, or null for a guest.</summary>
    public static string? CustomerId(this HttpContext http) => http.User.FindFirstValue(CustomerClaim);

    /// <summary>The channel and the customer (if any) of a Store API request: what every owned resource is checked against.</summary>
    public static StoreCaller StoreCaller(this HttpContext http) => new(http.SalesChannelId(), http.CustomerId());

    public static string? CallerKeyId(this ClaimsPrincipal user) => user.FindFirstValue(KeyIdClaim);

    /// <summary>
    /// Whose stored responses an Idempotency-Key may replay: an admin user, a secret key, or a publishable key together with
    /// the signed-in customer, so one customer can never replay another's answer on the same channel. Null: no caller.
    /// </summary>
    public static string? IdempotencyScope(this ClaimsPrincipal user)
    {
        if (user.FindFirstValue(AdminUserClaim) is { } adminUser) return adminUser;
        if (user.CallerKeyId() is not { } key) return null;
        return user.FindFirstValue(CustomerClaim) is { } customer ? key + "/" + customer : key;
    }

    /// <summary>Who is acting on the Admin API, for timelines and the audit log: <c>key_...</c> or <c>user_...</c>.</summary>
    public static string? AdminActor(this ClaimsPrincipal user) => user.FindFirstValue(AdminUserClaim) ?? user.FindFirstValue(KeyIdClaim);
}

/// <summary>
/// Who calls the Store API: the publishable key's sales channel and, when a customer token came with it, the customer.
/// A resource owned by a customer is reachable only with that customer's token and only through its own channel.
/// </summary>
public sealed record StoreCaller(string SalesChannelId, string? CustomerId)
{
    /// <summary>Whether a resource of <paramref name="channelId"/> owned by <paramref name="ownerCustomerId"/> (null: a guest's) is this caller's to see.</summary>
    public bool MayReach(string channelId, string? ownerCustomerId) =>
        channelId == SalesChannelId && (ownerCustomerId is null || ownerCustomerId == CustomerId);
}
