using System.Security.Cryptography;
using System.Text;
using Mercato.Kernel.Addresses;

namespace Mercato.Carts;

/// <summary>
/// A cart as its events show it: the cart's response without its secret id, named by <see cref="Reference"/> instead
/// (<c>cref_</c> + a digest of the id: stable, and useless for reaching the cart).
/// </summary>
internal sealed record CartEventState(string Reference, string SalesChannelId, string? CustomerId, string RegionId, string Currency,
    string? Email, bool PricesIncludeTax, IReadOnlyList<CartLineResponse> Items, Address? ShippingAddress, Address? BillingAddress,
    CartShippingMethodResponse? ShippingMethod, CartTotalsResponse Totals, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? AbandonedAt)
{
    public static string ReferenceOf(string cartId) =>
        "cref_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cartId)))[..32];

    public static CartEventState From(Cart c)
    {
        var r = CartResponse.From(c);
        return new CartEventState(ReferenceOf(c.Id), c.SalesChannelId, c.CustomerId, r.RegionId, r.Currency, r.Email, r.PricesIncludeTax,
            r.Items, r.ShippingAddress, r.BillingAddress, r.ShippingMethod, r.Totals, r.Version, r.CreatedAt, r.UpdatedAt, r.ExpiresAt,
            c.AbandonedAt);
    }
}
