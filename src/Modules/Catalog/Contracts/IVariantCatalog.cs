using Mercato.Kernel.Money;

namespace Mercato.Catalog.Contracts;

/// <summary>
/// A variant as a cart sees it: everything needed to price, tax, ship and later snapshot a line. <see cref="IsGiftCard"/>: its
/// product is a gift card sold as a product (no promotions, not payable with gift cards, a card issued per fulfilled unit).
/// </summary>
public sealed record SaleableVariant(string VariantId, string ProductId, string ProductHandle, string ProductTitle, string? VariantTitle,
    string Sku, IReadOnlyDictionary<string, string> Options, Money? UnitPrice, int? WeightGrams, bool ManageInventory, bool AllowBackorder,
    string? TaxClassId, string? ThumbnailUrl, bool IsGiftCard = false);

/// <summary>Catalog reads for carts and checkout.</summary>
public interface IVariantCatalog
{
    /// <summary>
    /// Variants of published products visible in the sales channel, with their price in <paramref name="currencyCode"/>
    /// (null when the variant has none). Ids that are unknown, unpublished or outside the channel are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, SaleableVariant>> FindSaleableAsync(IReadOnlyCollection<string> variantIds, string salesChannelId,
        string currencyCode, CancellationToken ct);
}
