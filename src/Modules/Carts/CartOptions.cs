namespace Mercato.Carts;

/// <summary>Settings under <c>Mercato:Carts</c>.</summary>
internal sealed class CartOptions
{
    /// <summary>Days without a change after which a cart expires (answers 410 cart_expired).</summary>
    public int IdleExpiryDays { get; set; } = 30;
}
