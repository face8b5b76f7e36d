namespace Mercato.Carts.Contracts;

/// <summary>
/// Event types the Carts module raises (see <c>GET /admin/events</c>). A cart's id is its guest's only credential, so events
/// name the cart by its <c>reference</c> (a one-way digest of the id) and their state never holds the id.
/// </summary>
public static class CartEvents
{
    /// <summary>A shopper started a cart.</summary>
    public const string Created = "cart.created";

    /// <summary>
    /// A cart with lines was left alone for <c>Mercato:Carts:AbandonAfterMinutes</c>; raised once, until a later change of the
    /// cart makes it active (and abandonable) again.
    /// </summary>
    public const string Abandoned = "cart.abandoned";
}
