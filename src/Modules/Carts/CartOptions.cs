namespace Mercato.Carts;

/// <summary>Settings under <c>Mercato:Carts</c>; the caps keep one shopper from hoarding stock in carts.</summary>
internal sealed class CartOptions
{
    /// <summary>Days without a change after which a cart expires (answers 410 cart_expired).</summary>
    public int IdleExpiryDays { get; set; } = 30;

    /// <summary>Lines one cart may hold (409 cart_line_limit beyond).</summary>
    public int MaxLines { get; set; } = 250;

    /// <summary>Units one line may hold (400 validation_failed beyond).</summary>
    public int MaxQuantityPerLine { get; set; } = 10_000;

    /// <summary>Open carts (neither completed nor expired) one customer may have (409 too_many_open_carts beyond).</summary>
    public int MaxOpenCartsPerCustomer { get; set; } = 20;

    /// <summary>Minutes without a change after which a cart with lines counts as abandoned (and cart.abandoned is raised).</summary>
    public int AbandonAfterMinutes { get; set; } = 1440;

    /// <summary>How often the abandonment job looks for abandoned carts; 0 turns it off.</summary>
    public int AbandonSweepSeconds { get; set; } = 300;

    public CartLimits Limits => new(MaxLines, MaxQuantityPerLine);
}

/// <summary>The caps a cart's own rules check.</summary>
internal sealed record CartLimits(int MaxLines, int MaxQuantityPerLine);
