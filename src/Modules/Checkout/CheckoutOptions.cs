namespace Mercato.Checkout;

/// <summary>Configuration section <c>Mercato:Checkout</c>.</summary>
internal sealed class CheckoutOptions
{
    /// <summary>How long a paying shopper's stock stays held when no order follows.</summary>
    public int StockHoldMinutes { get; set; } = 15;

    /// <summary>How long one completion may own a cart before another caller (or recovery) may take over.</summary>
    public int CompletionLeaseSeconds { get; set; } = 120;

    /// <summary>How often recovery looks for checkouts that a crash left half done.</summary>
    public int RecoverySeconds { get; set; } = 60;

    /// <summary>An authorized payment without an order older than this is finished or voided by recovery.</summary>
    public int AbandonedPaymentMinutes { get; set; } = 10;
}
