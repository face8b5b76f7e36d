using BenchmarkDotNet.Attributes;
using Mercato.Catalog.Products;
using Mercato.Tax;

namespace Mercato.Benchmarks;

/// <summary>
/// Pricing: the tax rounding every taxed amount goes through (added to net prices, extracted from gross ones) and the
/// product's per-currency price summary that every catalog write refreshes (what store lists filter and sort on).
/// </summary>
[MemoryDiagnoser]
public class PricingBenchmarks
{
    private readonly long[] _amounts = [.. Enumerable.Range(0, 1_000).Select(i => 99L + i * 7_919 % 250_000)];
    private Product _product = null!;

    [Params(2, 4, 50)]
    public int Variants { get; set; }

    [GlobalSetup]
    public void Setup() => _product = Samples.Product(0, Variants, ["USD", "EUR"]);

    [Benchmark(Description = "tax added to 1,000 net amounts (20 %)")]
    public long TaxAdded()
    {
        long sum = 0;
        foreach (var amount in _amounts) sum += TaxMath.Tax(amount, 2_000, pricesIncludeTax: false);
        return sum;
    }

    [Benchmark(Description = "tax extracted from 1,000 gross amounts (20 %)")]
    public long TaxExtracted()
    {
        long sum = 0;
        foreach (var amount in _amounts) sum += TaxMath.Tax(amount, 2_000, pricesIncludeTax: true);
        return sum;
    }

    [Benchmark(Description = "product price summaries refreshed")]
    public int PriceSummaries()
    {
        _product.Touch(Samples.Now);
        return _product.PriceSummaries.Count;
    }
}
