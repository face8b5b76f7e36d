using Mercato.Catalog.Products;

namespace Mercato.Benchmarks;

/// <summary>Sample data built by the catalog's own editing code, as the catalog generator does.</summary>
internal static class Samples
{
    public static readonly TimeProvider Time = TimeProvider.System;
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Product Product(int n, int variants, IReadOnlyList<string> currencies)
    {
        var product = new Product($"Everyday Navy Shirt {n}", $"gen-{n}", Time) { Status = ProductStatus.Published, ProductType = "Shirt" };
        var sizes = Enumerable.Range(0, variants).Select(i => $"S{i}").ToList();
        ProductEditor.ApplyOptions(product, [new OptionRequest("Size", sizes), new OptionRequest("Color", ["Navy"])], Time);
        foreach (var size in sizes)
        {
            product.Variants.Add(ProductEditor.NewVariant(product, new VariantRequest($"GEN-{n}-{size}", $"{size} / Navy", null,
                new Dictionary<string, string> { ["Size"] = size, ["Color"] = "Navy" }, 300, true, false,
                [.. currencies.Select((c, i) => new PriceRequest(1_000 + size.Length * 100 + i * 50, c))]), Time));
        }
        ProductEditor.ApplyLinks(product, [], [], [], ["shirt", "navy", "basics"], [], Time);
        product.Touch(Now);
        return product;
    }
}
