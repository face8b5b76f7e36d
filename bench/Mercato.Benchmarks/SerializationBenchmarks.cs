using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Mercato.Api.Hosting;
using Mercato.Catalog;
using Mercato.Catalog.Products;
using Mercato.Kernel.Money;
using Mercato.Kernel.Paging;

namespace Mercato.Benchmarks;

/// <summary>
/// Serialization of the store's hottest responses with the host's JSON options: source-generated metadata (CatalogJson, as
/// the API runs) against reflection, for a product page and a 20-product list.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private readonly JsonSerializerOptions _generated = Options(generated: true);
    private readonly JsonSerializerOptions _reflection = Options(generated: false);
    private StoreProductResponse _product = null!;
    private Page<StoreProductSummary> _list = null!;

    private static JsonSerializerOptions Options(bool generated)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HostSetup.ConfigureJson(options);
        if (generated) options.TypeInfoResolverChain.Insert(0, CatalogJson.Default);
        else options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    [GlobalSetup]
    public void Setup()
    {
        var product = Samples.Product(7, 4, ["USD", "EUR"]);
        _product = new StoreProductResponse(product.Id, product.Handle, product.Title, product.Subtitle, product.Description, product.ProductType,
            "reg_bench", new StorePriceRange(new MoneyDto(900, "USD"), new MoneyDto(1500, "USD")),
            [.. product.Options.Select(o => new StoreOption(o.Name, o.Values))],
            [.. product.Variants.Select(v => new StoreVariant(v.Id, v.Sku, v.Title, v.OptionValues.ToDictionary(o => o.OptionName, o => o.Value),
                new MoneyDto(v.Prices[0].Amount, "USD"), v.WeightGrams, Mercato.Inventory.Contracts.StockStatus.InStock, false, null))],
            [new StoreImage("/media/demo/cotton-turtleneck-1.svg", "Front")], [.. product.Tags.Select(t => t.Value)],
            [new StoreCategoryRef("pcat_1", "women-tops", "Tops", "women/women-tops")], [],
            new Dictionary<string, object?> { ["material"] = "cotton", ["organic"] = true }, new StoreSeo(product.Title, null));
        _list = new Page<StoreProductSummary>([.. Enumerable.Range(0, 20).Select(i => Samples.Product(i, 2, ["USD"])).Select(p =>
            new StoreProductSummary(p.Id, p.Handle, p.Title, p.Subtitle, p.ProductType, new StoreImage("/media/demo/cotton-turtleneck-1.svg", null),
                new StorePriceRange(new MoneyDto(900, "USD"), new MoneyDto(1100, "USD"))))], "bmV4dA");
    }

    [Benchmark(Baseline = true, Description = "product page, source-generated")]
    public byte[] ProductGenerated() => JsonSerializer.SerializeToUtf8Bytes(_product, _generated);

    [Benchmark(Description = "product page, reflection")]
    public byte[] ProductReflection() => JsonSerializer.SerializeToUtf8Bytes(_product, _reflection);

    [Benchmark(Description = "20-product list, source-generated")]
    public byte[] ListGenerated() => JsonSerializer.SerializeToUtf8Bytes(_list, _generated);

    [Benchmark(Description = "20-product list, reflection")]
    public byte[] ListReflection() => JsonSerializer.SerializeToUtf8Bytes(_list, _reflection);
}
