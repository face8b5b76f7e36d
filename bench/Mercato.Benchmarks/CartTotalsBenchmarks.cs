using BenchmarkDotNet.Attributes;
using Mercato.Carts;
using Mercato.Catalog.Contracts;
using Mercato.Kernel.Money;
using Mercato.Tax;

namespace Mercato.Benchmarks;

/// <summary>
/// Cart totals: what <c>CartPricing.RefreshAsync</c> does after its reads, for carts of 1 to 100 lines: each line re-priced
/// from the catalog's saleable variant, taxed with the one rounding rule, then the totals added up.
/// </summary>
[MemoryDiagnoser]
public class CartTotalsBenchmarks
{
    private Cart _cart = null!;
    private SaleableVariant[] _variants = [];

    [Params(1, 10, 100)]
    public int Lines { get; set; }

    [Params(false, true)]
    public bool PricesIncludeTax { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _variants = [.. Enumerable.Range(0, Lines).Select(i => new SaleableVariant($"var_{i}", $"prod_{i}", $"gen-{i}", $"Product {i}", "M / Navy",
            $"GEN-{i}-M", new Dictionary<string, string> { ["Size"] = "M", ["Color"] = "Navy" }, new Money(1_000 + i * 37, Currency.Of("EUR")),
            300, true, false, null, null))];
        _cart = new Cart("sc_bench", "reg_bench", "EUR", PricesIncludeTax, Samples.Now, Samples.Now.AddDays(30));
        var limits = new CartLimits(250, 10_000);
        foreach (var variant in _variants) _cart.AddLine(variant, 1 + variant.Sku.Length % 3, limits, Samples.Now, Samples.Time);
    }

    [Benchmark(Description = "re-price, tax and total a cart")]
    public long Totals()
    {
        for (var i = 0; i < _cart.Lines.Count; i++)
        {
            var line = _cart.Lines[i];
            line.Refresh(_variants[i]);
            line.ApplyTax(2_000, TaxMath.Tax(line.Subtotal - line.Discount, 2_000, _cart.PricesIncludeTax), _cart.PricesIncludeTax);
        }
        var totals = CartTotals.Compute([.. _cart.Lines.Select(l => new CartTotals.Line(l.Subtotal, l.Discount, l.Tax))], 495,
            TaxMath.Tax(495, 2_000, _cart.PricesIncludeTax), _cart.PricesIncludeTax);
        _cart.ApplyTotals(2_000, TaxMath.Tax(495, 2_000, _cart.PricesIncludeTax), totals);
        return totals.Total;
    }
}
