using System.Text.Json;
using Mercato.Catalog.Contracts;
using Mercato.GiftCards.Contracts;
using Mercato.Kernel.Addresses;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Mercato.Promotions.Contracts;
using Mercato.Shipping.Contracts;

namespace Mercato.Carts;

/// <summary>
/// A shopper's cart in one sales channel and region. Its id is a random secret (the only credential of a guest cart), lines
/// carry snapshots of the catalog taken at the last change, and every change re-prices and recomputes the stored totals
/// (<see cref="CartTotals"/>). <see cref="Version"/> guards concurrent changes.
/// </summary>
internal sealed class Cart : IVersioned
{
    private Cart()
    {
    }

    public Cart(string salesChannelId, string regionId, string currencyCode, bool pricesIncludeTax, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Id = EntityId.Secret("cart", 20);
        SalesChannelId = salesChannelId;
        RegionId = regionId;
        CurrencyCode = currencyCode;
        PricesIncludeTax = pricesIncludeTax;
        CreatedAt = UpdatedAt = now;
        ExpiresAt = expiresAt;
    }

    public string Id { get; private init; } = "";
    public string SalesChannelId { get; private init; } = "";
    public string RegionId { get; set; } = "";
    public string CurrencyCode { get; set; } = "";
    public bool PricesIncludeTax { get; set; }
    public string? Email { get; set; }
    public string? CustomerId { get; set; }
    public Address? ShippingAddress { get; set; }
    public Address? BillingAddress { get; set; }
    public string? ShippingOptionId { get; private set; }
    public string? ShippingName { get; private set; }
    public string? ShippingTaxClassId { get; private set; }
    /// <summary>The shipping price as quoted, in the region's price basis.</summary>
    public long ShippingAmount { get; private set; }
    public int ShippingTaxRate { get; private set; }
    public long ShippingTax { get; private set; }
    public long Subtotal { get; private set; }
    /// <summary>Line discounts plus <see cref="ShippingDiscount"/>.</summary>
    public long Discount { get; private set; }
    /// <summary>The part of <see cref="ShippingAmount"/> promotions took off (never more than it).</summary>
    public long ShippingDiscount { get; private set; }
    /// <summary>Promotion codes the shopper applied, upper-case, space-separated, in the order applied.</summary>
    public string PromotionCodes { get; private set; } = "";
    /// <summary>The promotions that gave a discount at the last re-pricing (JSON of <see cref="AppliedPromotion"/>).</summary>
    public string AppliedPromotionsJson { get; private set; } = "[]";
    public long ShippingTotal { get; private set; }
    public long Tax { get; private set; }
    public long Total { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    /// <summary>When the abandonment job found the cart idle (<see cref="MarkAbandonedCarts"/>); a change makes it active again.</summary>
    public DateTimeOffset? AbandonedAt { get; private set; }
    public string? OrderId { get; private set; }
    public int Version { get; set; }
    public List<CartLine> Lines { get; } = [];

    /// <summary>
    /// The gift cards applied to the cart as they would pay its total now (not stored: the GiftCards module owns them; set by
    /// <see cref="CartSession"/> when it reads or changes the cart, null when the cart was loaded otherwise).
    /// </summary>
    public GiftCardPlan? GiftCards { get; set; }

    public IReadOnlyList<string> Codes => PromotionCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<AppliedPromotion> AppliedPromotions =>
        JsonSerializer.Deserialize<List<AppliedPromotion>>(AppliedPromotionsJson) ?? [];

    /// <summary>Adds a code (case-insensitive); false when the cart already has it.</summary>
    public bool AddCode(string code)
    {
        code = code.Trim().ToUpperInvariant();
        if (Codes.Contains(code, StringComparer.Ordinal)) return false;
        PromotionCodes = string.Join(' ', Codes.Append(code));
        return true;
    }

    public bool RemoveCode(string code)
    {
        code = code.Trim().ToUpperInvariant();
        if (!Codes.Contains(code, StringComparer.Ordinal)) return false;
        PromotionCodes = string.Join(' ', Codes.Where(c => c != code));
        return true;
    }

    /// <summary>Sets each line's discount from the outcome (clamped to the line) and the shipping discount.</summary>
    public void ApplyPromotions(PromotionOutcome outcome)
    {
        foreach (var line in Lines) line.ApplyDiscount(outcome.DiscountOf(line.Id));
        ShippingDiscount = ShippingOptionId is null ? 0 : Math.Clamp(outcome.ShippingDiscount, 0, ShippingAmount);
        AppliedPromotionsJson = JsonSerializer.Serialize(outcome.Applied);
    }

    public bool IsExpired(DateTimeOffset now) => CompletedAt is null && now >= ExpiresAt;

    public int QuantityOfSku(string sku) => Lines.Where(l => l.Sku == sku).Sum(l => l.Quantity);

    /// <summary>Adds units of a variant; the same variant twice is one line with the quantities added up.</summary>
    public Error? AddLine(SaleableVariant variant, int quantity, CartLimits limits, DateTimeOffset now, TimeProvider time)
    {
        var line = Lines.Find(l => l.VariantId == variant.VariantId);
        if (line is not null) return line.SetQuantity(line.Quantity + quantity, limits.MaxQuantityPerLine);
        if (Lines.Count >= limits.MaxLines) return CartErrors.LineLimit(limits.MaxLines);
        if (quantity < 1 || quantity > limits.MaxQuantityPerLine) return CartErrors.QuantityOutOfRange(quantity, limits.MaxQuantityPerLine);
        line = new CartLine(Id, variant.VariantId, quantity, EntityId.New("cali", time), now);
        line.Refresh(variant);
        Lines.Add(line);
        return null;
    }

    public void SelectShipping(ShippingQuote? quote)
    {
        ShippingOptionId = quote?.OptionId;
        ShippingName = quote?.Name;
        ShippingTaxClassId = quote?.TaxClassId;
        ShippingAmount = quote?.Amount ?? 0;
        if (quote is null) (ShippingTaxRate, ShippingTax) = (0, 0);
    }

    public void ApplyTotals(int shippingTaxRate, long shippingTax, CartTotals.Result totals)
    {
        (ShippingTaxRate, ShippingTax) = ShippingOptionId is null ? (0, 0) : (shippingTaxRate, shippingTax);
        (Subtotal, Discount, ShippingTotal, Tax, Total) = (totals.Subtotal, totals.Discount, totals.Shipping, totals.Tax, totals.Total);
    }

    /// <summary>
    /// Folds <paramref name="other"/>'s lines into this cart (the same variant adds up, capped at the line limit; lines beyond the
    /// cart's line cap or no longer sold in <paramref name="saleable"/> are dropped) and closes <paramref name="other"/>.
    /// </summary>
    public void Absorb(Cart other, IReadOnlyDictionary<string, SaleableVariant> saleable, CartLimits limits, DateTimeOffset now,
        TimeProvider time)
    {
        foreach (var line in other.Lines.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id, StringComparer.Ordinal))
        {
            if (!saleable.TryGetValue(line.VariantId, out var variant)) continue;
            var existing = Lines.Find(l => l.VariantId == line.VariantId);
            var quantity = Math.Min(line.Quantity, limits.MaxQuantityPerLine - (existing?.Quantity ?? 0));
            if (quantity >= 1) AddLine(variant, quantity, limits, now, time);
        }
        // The shopper's codes come along (re-evaluated with the merged lines); the cart's limit still holds.
        foreach (var code in other.Codes.Take(Math.Max(0, Carts.PromotionCodes.MaxCodes - Codes.Count))) AddCode(code);
        Email ??= other.Email;
        other.Close(now);
    }

    /// <summary>Ends an open cart that was merged into another: it counts and shows as expired from now on.</summary>
    public void Close(DateTimeOffset now)
    {
        UpdatedAt = now;
        ExpiresAt = now;
    }

    /// <summary>A change keeps the cart alive for another idle period.</summary>
    public void Touch(DateTimeOffset now, TimeSpan idleExpiry)
    {
        UpdatedAt = now;
        AbandonedAt = null;
        ExpiresAt = now + idleExpiry;
    }
}

/// <summary>A variant in a cart with the catalog's data and price as of the cart's last change.</summary>
internal sealed class CartLine
{
    private CartLine()
    {
    }

    public CartLine(string cartId, string variantId, int quantity, string id, DateTimeOffset now)
    {
        Id = id;
        CartId = cartId;
        VariantId = variantId;
        Quantity = quantity;
        CreatedAt = now;
    }

    public string Id { get; private init; } = "";
    public string CartId { get; private init; } = "";
    public string VariantId { get; private init; } = "";
    public string ProductId { get; private set; } = "";
    public string Sku { get; private set; } = "";
    public string ProductTitle { get; private set; } = "";
    public string? VariantTitle { get; private set; }
    public string? Thumbnail { get; private set; }
    public string OptionsJson { get; private set; } = "{}";
    public int? WeightGrams { get; private set; }
    public bool ManageInventory { get; private set; }
    public bool AllowBackorder { get; private set; }
    public string? TaxClassId { get; private set; }
    /// <summary>A gift card sold as a product (ADR 9): no promotions, and the cart cannot be paid with gift cards.</summary>
    public bool IsGiftCard { get; private set; }
    public int Quantity { get; private set; }
    /// <summary>The catalog's price for one unit, as the catalog shows it (tax included where the region's prices include it).</summary>
    public long UnitPrice { get; private set; }
    /// <summary>The variant's base price when a price list gave a lower <see cref="UnitPrice"/> (ADR 8), else null.</summary>
    public long? OriginalUnitPrice { get; private set; }
    public long Subtotal { get; private set; }
    public long Discount { get; private set; }
    public int TaxRate { get; private set; }
    public long Tax { get; private set; }
    public long Total { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }

    public IReadOnlyDictionary<string, string> Options =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(OptionsJson) ?? [];

    public Error? SetQuantity(int quantity, int maxQuantity)
    {
        if (quantity < 1 || quantity > maxQuantity) return CartErrors.QuantityOutOfRange(quantity, maxQuantity);
        Quantity = quantity;
        return null;
    }

    /// <summary>Takes the catalog's current data and price (<paramref name="variant"/> has a price in the cart's currency).</summary>
    public void Refresh(SaleableVariant variant)
    {
        ProductId = variant.ProductId;
        Sku = variant.Sku;
        ProductTitle = variant.ProductTitle;
        VariantTitle = variant.VariantTitle;
        Thumbnail = variant.ThumbnailUrl;
        OptionsJson = JsonSerializer.Serialize(variant.Options.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary());
        WeightGrams = variant.WeightGrams;
        ManageInventory = variant.ManageInventory;
        AllowBackorder = variant.AllowBackorder;
        TaxClassId = variant.TaxClassId;
        IsGiftCard = variant.IsGiftCard;
        UnitPrice = variant.UnitPrice!.Value.Amount;
        OriginalUnitPrice = null;
        Subtotal = checked(UnitPrice * Quantity);
        // Promotions set the discount after every line is refreshed (Cart.ApplyPromotions).
        Discount = 0;
    }

    /// <summary>Takes the best price for the line's quantity (after <see cref="Refresh"/> set the base price).</summary>
    public void ApplyPrice(UnitPriceChoice price)
    {
        UnitPrice = price.Amount;
        OriginalUnitPrice = price.OriginalAmount;
        Subtotal = checked(UnitPrice * Quantity);
    }

    public void ApplyDiscount(long discount) => Discount = CartTotals.ClampDiscount(Subtotal, discount);

    public void ApplyTax(int rate, long tax, bool pricesIncludeTax)
    {
        (TaxRate, Tax) = (rate, tax);
        Total = CartTotals.LineTotal(Subtotal, Discount, tax, pricesIncludeTax);
    }
}
