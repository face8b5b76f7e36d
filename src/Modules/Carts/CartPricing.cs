using Mercato.Catalog.Contracts;
using Mercato.Customers.Contracts;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Orders.Contracts;
using Mercato.Promotions.Contracts;
using Mercato.Regions.Contracts;
using Mercato.Shipping.Contracts;
using Mercato.Tax.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Carts;

/// <summary>
/// Re-prices a cart from the server's own data: lines from the catalog in the region's currency (a line whose variant is no
/// longer sold in the channel, or has no price in the currency, leaves the cart), the chosen shipping method re-quoted
/// (dropped when it no longer applies), tax from <see cref="ITaxCalculator"/> and totals from <see cref="CartTotals"/>.
/// </summary>
internal sealed class CartPricing(IVariantCatalog catalog, IVariantPrices prices, IRegionDirectory regions, IShippingRates shipping,
    ITaxCalculator tax, IServiceProvider services)
{
    public Task<RegionSummary?> RegionAsync(string regionId, CancellationToken ct) => regions.FindAsync(regionId, ct);

    public Task<RegionSummary?> DefaultRegionAsync(CancellationToken ct) => regions.DefaultAsync(ct);

    /// <summary>
    /// The variant if it is sold in the channel with a price in the currency. The variants of <paramref name="cart"/>'s lines are
    /// read in the same query and kept for the re-pricing that follows the change (<see cref="RefreshAsync"/>).
    /// </summary>
    public async Task<Result<SaleableVariant>> SaleableAsync(string variantId, string salesChannelId, string currency, CancellationToken ct,
        Cart? cart = null)
    {
        string[] ids = cart is null ? [variantId] : [variantId, .. cart.Lines.Select(l => l.VariantId)];
        var found = await catalog.FindSaleableAsync(ids, salesChannelId, currency, ct);
        if (cart is not null) _readAlong = (salesChannelId, currency, ids.ToHashSet(StringComparer.Ordinal), found);
        if (!found.TryGetValue(variantId, out var variant)) return CartErrors.VariantUnavailable(variantId);
        if (variant.UnitPrice is null) return CartErrors.VariantNotPriced(variantId, currency);
        return variant;
    }

    /// <summary>The variants among <paramref name="variantIds"/> that are sold in the channel with a price in the currency.</summary>
    public async Task<IReadOnlyDictionary<string, SaleableVariant>> SaleableManyAsync(IEnumerable<string> variantIds, string salesChannelId,
        string currency, CancellationToken ct)
    {
        var found = await catalog.FindSaleableAsync([.. variantIds.Distinct(StringComparer.Ordinal)], salesChannelId, currency, ct);
        return found.Where(v => v.Value.UnitPrice is not null).ToDictionary(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ShippingQuote>> ShippingQuotesAsync(Cart cart, CancellationToken ct) =>
        await shipping.QuoteAsync(cart.RegionId, ItemsAfterDiscount(cart), Weight(cart), ct);

    public async Task RefreshAsync(Cart cart, CancellationToken ct)
    {
        _completed = null;
        if (await regions.FindAsync(cart.RegionId, ct) is { } region)
            (cart.CurrencyCode, cart.PricesIncludeTax) = (region.CurrencyCode, region.PricesIncludeTax);
        var variants = ReadAlong(cart) ?? await catalog.FindSaleableAsync([.. cart.Lines.Select(l => l.VariantId)], cart.SalesChannelId,
            cart.CurrencyCode, ct);
        foreach (var line in cart.Lines.ToList())
        {
            if (variants.TryGetValue(line.VariantId, out var variant) && variant.UnitPrice is not null) line.Refresh(variant);
            else cart.Lines.Remove(line);
        }
        // Price lists (ADR 8): the best price for each line's quantity, the cart's region and channel and the customer's groups.
        var groups = await CustomerGroupsAsync(cart, ct);
        var best = await prices.BestAsync([.. cart.Lines.Select(l => new PriceLine(l.VariantId, l.Quantity, l.UnitPrice))],
            new PriceContext(cart.CurrencyCode, cart.RegionId, cart.SalesChannelId, groups), ct);
        foreach (var line in cart.Lines) line.ApplyPrice(best[line.VariantId]);

        // Promotions before shipping (quoted on items after discount) and again when the quote moved, so a free-shipping
        // promotion sees the final charge; line discounts do not depend on the shipping charge.
        var promotions = await PromotionContextAsync(cart, ct);
        await ApplyPromotionsAsync(cart, promotions, ct);
        if (cart.ShippingOptionId is { } optionId)
        {
            var before = cart.ShippingAmount;
            cart.SelectShipping((await ShippingQuotesAsync(cart, ct)).FirstOrDefault(q => q.OptionId == optionId));
            if (cart.ShippingAmount != before) await ApplyPromotionsAsync(cart, promotions, ct);
        }

        var request = new TaxRequest(cart.RegionId, cart.CurrencyCode, cart.PricesIncludeTax, cart.ShippingAddress?.CountryCode,
            [.. cart.Lines.Select(l => new TaxableAmount(l.Id, l.TaxClassId, l.Subtotal - l.Discount))],
            cart.ShippingOptionId is null ? null : new TaxableAmount("shipping", cart.ShippingTaxClassId, cart.ShippingAmount - cart.ShippingDiscount));
        var result = await tax.CalculateAsync(request, ct);
        var taxes = result.Lines.ToDictionary(t => t.Key, StringComparer.Ordinal);
        foreach (var line in cart.Lines)
        {
            var lineTax = taxes.GetValueOrDefault(line.Id);
            line.ApplyTax(lineTax?.RateBasisPoints ?? 0, lineTax?.Tax ?? 0, cart.PricesIncludeTax);
        }
        var totals = CartTotals.Compute([.. cart.Lines.Select(l => new CartTotals.Line(l.Subtotal, l.Discount, l.Tax))],
            cart.ShippingOptionId is null ? 0 : cart.ShippingAmount, result.Shipping?.Tax ?? 0, cart.PricesIncludeTax, cart.ShippingDiscount);
        cart.ApplyTotals(result.Shipping?.RateBasisPoints ?? 0, result.Shipping?.Tax ?? 0, totals);
    }

    /// <summary>Variants read by <see cref="SaleableAsync"/> with the cart's lines; one re-pricing uses them, a later one reads again.</summary>
    private (string SalesChannelId, string Currency, HashSet<string> Asked, IReadOnlyDictionary<string, SaleableVariant> Variants)? _readAlong;

    private IReadOnlyDictionary<string, SaleableVariant>? ReadAlong(Cart cart)
    {
        var read = _readAlong;
        _readAlong = null;
        // Of use only when it was read in the currency the cart is priced in now (its region may have changed it) and covers
        // every line; a variant it did not find is one the catalog does not sell, so "covers" means "was asked for".
        return read is { } r && r.SalesChannelId == cart.SalesChannelId && r.Currency == cart.CurrencyCode
            && cart.Lines.All(l => r.Asked.Contains(l.VariantId)) ? r.Variants : null;
    }

    /// <summary>The last evaluation's outcome, for callers that check a code they just applied.</summary>
    public PromotionOutcome LastPromotions { get; private set; } = PromotionOutcome.None;

    /// <summary>The cart as promotions see it, without the facts only some conditions ask for (see <see cref="CompleteAsync"/>).</summary>
    private async Task<PromotionContext?> PromotionContextAsync(Cart cart, CancellationToken ct)
    {
        // Registered by the Promotions module; a host without it sells at full price.
        if (services.GetService<IPromotionEvaluator>() is null) return null;
        var groups = await CustomerGroupsAsync(cart, ct);
        return new PromotionContext(cart.CurrencyCode, cart.RegionId, cart.SalesChannelId,
            new PromotionCustomer(cart.CustomerId, groups, FirstOrder: false, cart.Email),
            [.. cart.Lines.Select(l => new PromotionLine(l.Id, l.VariantId, l.ProductId, [], [], l.Quantity, l.UnitPrice, l.IsGiftCard))], 0,
            cart.Codes);
    }

    /// <summary>
    /// Adds the lines' categories and collections and whether the shopper ordered before, when a candidate promotion asks
    /// (a query each); remembered for the second evaluation of one re-pricing.
    /// </summary>
    private async Task<PromotionContext> CompleteAsync(Cart cart, PromotionContext context, PromotionNeeds needs, CancellationToken ct)
    {
        if (_completed is { } done && done.Cart == cart && done.Needs == needs) return done.Context with { ShippingAmount = context.ShippingAmount };
        var taxonomy = needs.Taxonomy && services.GetService<IProductTaxonomy>() is { } catalogTaxonomy && cart.Lines.Count > 0
            ? await catalogTaxonomy.FindAsync([.. cart.Lines.Select(l => l.ProductId)], ct) : new Dictionary<string, ProductTaxonomy>();
        // A shopper nobody knows yet (no account, no email) is on their first order.
        var firstOrder = needs.FirstOrder
            && (services.GetService<IOrderHistory>() is not { } history || !await history.HasOrderedAsync(cart.CustomerId, cart.Email, ct));
        var completed = context with
        {
            Customer = context.Customer with { FirstOrder = firstOrder },
            Lines = [.. context.Lines.Select(l => taxonomy.GetValueOrDefault(l.ProductId) is { } t
                ? l with { CategoryIds = t.CategoryIds, CollectionIds = t.CollectionIds } : l)],
        };
        _completed = (cart, needs, completed);
        return completed;
    }

    private (Cart Cart, PromotionNeeds Needs, PromotionContext Context)? _completed;

    /// <summary>The signed-in customer's groups (none for a guest), read once per re-pricing.</summary>
    private async Task<IReadOnlyList<string>> CustomerGroupsAsync(Cart cart, CancellationToken ct)
    {
        if (_groups is { } known && known.CustomerId == cart.CustomerId) return known.Groups;
        var groups = cart.CustomerId is { } customerId && services.GetService<ICustomerDirectory>() is { } customers
            ? (await customers.FindAsync(customerId, ct))?.GroupIds ?? [] : [];
        _groups = (cart.CustomerId, groups);
        return groups;
    }

    private (string? CustomerId, IReadOnlyList<string> Groups)? _groups;

    private async Task ApplyPromotionsAsync(Cart cart, PromotionContext? context, CancellationToken ct)
    {
        if (context is null || services.GetService<IPromotionEvaluator>() is not { } evaluator)
        {
            cart.ApplyPromotions(LastPromotions = PromotionOutcome.None);
            return;
        }
        var shipping = cart.ShippingOptionId is null ? 0 : cart.ShippingAmount;
        cart.ApplyPromotions(LastPromotions = await evaluator.EvaluateAsync(context with { ShippingAmount = shipping },
            (needs, token) => CompleteAsync(cart, context with { ShippingAmount = shipping }, needs, token), ct));
    }

    /// <summary>
    /// 409 insufficient_inventory when the cart holds more of <paramref name="sku"/> than can be sold (summed over its lines),
    /// for SKUs whose stock is managed and that may not be backordered.
    /// </summary>
    public async Task<Error?> CheckStockAsync(Cart cart, string sku, CancellationToken ct)
    {
        var lines = cart.Lines.Where(l => l.Sku == sku).ToList();
        if (lines.Count == 0 || !lines.Any(l => l.ManageInventory && !l.AllowBackorder)) return null;
        // Registered by the Inventory module; a host without it sells without stock checks.
        if (services.GetService<IStockAvailability>() is not { } stock) return null;
        var wanted = cart.QuantityOfSku(sku);
        var available = (await stock.ForSkusAsync([sku], ct)).GetValueOrDefault(sku)?.Available ?? 0;
        return wanted > available ? CartErrors.InsufficientInventory(sku, available) : null;
    }

    private static long ItemsAfterDiscount(Cart cart) => cart.Lines.Sum(l => l.Subtotal - l.Discount);

    private static int Weight(Cart cart) =>
        (int)Math.Min(int.MaxValue, cart.Lines.Sum(l => (long)(l.WeightGrams ?? 0) * l.Quantity));
}
